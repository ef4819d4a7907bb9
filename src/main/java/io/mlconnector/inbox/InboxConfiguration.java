package io.mlconnector.inbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoWebhookVerification;
import io.mlconnector.tenant.Tenants;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
class InboxConfiguration {

	@Bean(destroyMethod = "dispose")
	Scheduler inboxJdbcScheduler() {
		// bounded: JDBC work off the event loop never grows without limit
		return Schedulers.newBoundedElastic(8, 1024, "inbox-jdbc");
	}

	@Bean
	InboxMetrics inboxMetrics(MeterRegistry registry, Clock clock) {
		return new InboxMetrics(registry, clock);
	}

	@Bean
	InboxWriter inboxWriter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, InboxProperties properties,
			MeterRegistry registry) {
		return new InboxWriter(jdbc, transactions, clock, properties, registry);
	}

	@Bean
	InboxRejections inboxRejections(AuditTrail audit, Scheduler inboxJdbcScheduler, InboxMetrics metrics,
			InboxProperties properties, Clock clock) {
		return new InboxRejections(audit, inboxJdbcScheduler, metrics, properties.rejectionAuditsPerMinute(), clock);
	}

	@Bean
	RequestBodies inboxRequestBodies(InboxProperties properties) {
		return new RequestBodies(properties.maxBodySize(), properties.maxConcurrentBodies());
	}

	@Bean
	GustoWebhookHandler gustoWebhookHandler(RequestBodies bodies, InboxWriter writer, InboxRejections rejections,
			Tenants tenants, JsonMapper json, Clock clock, InboxProperties properties, InboxMetrics metrics,
			ObjectProvider<GustoWebhookVerification> verification) {
		return new GustoWebhookHandler(bodies, writer, rejections, tenants, json, clock, properties, metrics,
				Optional.ofNullable(verification.getIfAvailable()));
	}

	@Bean
	SlackRequestHandler slackRequestHandler(RequestBodies bodies, InboxWriter writer, InboxRejections rejections,
			Tenants tenants, JsonMapper json, Clock clock, InboxProperties properties, InboxMetrics metrics) {
		return new SlackRequestHandler(bodies, writer, rejections, tenants, json, clock, properties, metrics);
	}

	@Bean
	InboxDispatcher inboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			InboxProperties properties, ObjectProvider<InboxRoute> routes, MeterRegistry registry) {
		return new InboxDispatcher(jdbc, transactions, clock, properties.dispatcher(), routes.orderedStream().toList(),
				dispatcherId(), registry);
	}

	@Bean
	GustoEventCatchUp gustoEventCatchUp(Tenants tenants, GustoClient gusto, InboxWriter writer, JdbcClient jdbc,
			Scheduler inboxJdbcScheduler, JsonMapper json, Clock clock, MeterRegistry registry) {
		return new GustoEventCatchUp(tenants, gusto, writer, jdbc, inboxJdbcScheduler, json, clock, registry);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mlc.inbox.dispatcher.enabled", matchIfMissing = true)
	InboxDispatchSchedule inboxDispatchSchedule(InboxDispatcher dispatcher) {
		return new InboxDispatchSchedule(dispatcher);
	}

	@Bean
	InboxEvents inboxEvents(JdbcClient jdbc, Clock clock) {
		return new InboxEvents(jdbc, clock);
	}

	@Bean
	InboxDepth inboxDepth(JdbcClient jdbc) {
		return new InboxDepth(jdbc);
	}

	private static String dispatcherId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Bean
	RouterFunction<ServerResponse> inboxRoutes(GustoWebhookHandler gusto, SlackRequestHandler slack) {
		return RouterFunctions.route()
			.POST("/webhooks/gusto", gusto::receive)
			.POST("/slack/commands", slack::commands)
			.POST("/slack/interactions", slack::interactions)
			.POST("/slack/events", slack::events)
			.build();
	}

}
