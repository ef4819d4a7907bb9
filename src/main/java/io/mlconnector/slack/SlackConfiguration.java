package io.mlconnector.slack;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.secrets.OAuthTokenStore;
import io.mlconnector.tenant.Tenants;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Slack connector: clients per tenant, bot tokens in the encrypted store, metrics and
 * the connection check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

	@Bean
	SlackTokens slackTokens(OAuthTokenStore store, AuditTrail audit, Clock clock) {
		return new SlackTokens(store, audit, clock);
	}

	@Bean
	SlackClients slackClients(Tenants tenants, SlackTokens tokens, RequestBudget budget, SlackProperties properties,
			MeterRegistry registry) {
		return new SlackClients(tenants, tokens, budget, properties, new SlackMetrics(registry));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mlc.slack.connection-check", matchIfMissing = true)
	SlackConnectionCheck slackConnectionCheck(SlackClients clients, Clock clock) {
		return new SlackConnectionCheck(clients, clock);
	}

}
