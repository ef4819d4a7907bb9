package io.mlconnector.gusto;

import java.time.Clock;

import io.mlconnector.audit.AuditTrail;
import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.secrets.OAuthTokenStore;
import io.mlconnector.secrets.TokenCipher;
import io.mlconnector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The Gusto connector: client, token refresh, connect flow, webhook handshake,
 * subscription command and connection check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GustoProperties.class)
class GustoConfiguration {

	private static final int MAX_BODY = 32 * 1024 * 1024;

	@Bean
	GustoWire gustoWire(JsonMapper json, GustoProperties properties) {
		return new GustoWire(GustoJson.mapper(json), properties.requestTimeout());
	}

	@Bean
	GustoOAuth gustoOAuth(ObjectProvider<WebClient.Builder> builder, GustoWire wire, Clock clock,
			GustoProperties properties) {
		return new GustoOAuth(webClient(builder), wire, clock,
				new OutboundRetry(properties.maxRetries(), OutboundRetry.DEFAULT.firstBackoff(),
						OutboundRetry.DEFAULT.maxBackoff(), OutboundRetry.DEFAULT.maxRetryAfter()));
	}

	@Bean
	GustoTokens gustoTokens(OAuthTokenStore store, GustoOAuth oauth, Tenants tenants, AuditTrail audit, Clock clock,
			GustoProperties properties) {
		return new GustoTokens(store, oauth, tenants, audit, clock, properties);
	}

	@Bean
	GustoClient gustoClient(ObjectProvider<WebClient.Builder> builder, GustoWire wire, GustoTokens tokens,
			GustoOAuth oauth, RequestBudget budget, GustoProperties properties, Clock clock) {
		return new GustoClient(webClient(builder), wire, tokens, oauth, budget, properties, clock);
	}

	@Bean
	@ConditionalOnProperty(prefix = "mlc.gusto", name = "connection-check", havingValue = "true", matchIfMissing = true)
	GustoConnectionCheck gustoConnectionCheck(GustoClient client, Clock clock) {
		return new GustoConnectionCheck(client, clock);
	}

	@Bean
	WebhookHandshakes gustoWebhookHandshakes(JdbcClient jdbc, Clock clock) {
		return new WebhookHandshakes(jdbc, clock);
	}

	@Bean
	GustoWebhookTokens gustoWebhookTokens(JdbcClient jdbc, ObjectProvider<TokenCipher> cipher, Tenants tenants,
			GustoClient client, AuditTrail audit, Clock clock, GustoProperties properties,
			WebhookHandshakes handshakes) {
		return new GustoWebhookTokens(jdbc, cipher, tenants, client, audit, clock, properties, handshakes);
	}

	@Bean
	GustoWebhookSubscriptions gustoWebhookSubscriptions(GustoClient client, Tenants tenants, GustoProperties properties,
			WebhookHandshakes handshakes) {
		return new GustoWebhookSubscriptions(client, tenants, properties, handshakes);
	}

	@Bean
	RouterFunction<ServerResponse> gustoRoutes(Tenants tenants, JdbcClient jdbc, Clock clock, GustoOAuth oauth,
			OAuthTokenStore store, AuditTrail audit, GustoProperties properties) {
		GustoConnectFlow connect = new GustoConnectFlow(tenants, new ConnectStates(jdbc, clock), oauth, store, audit,
				properties);
		return RouterFunctions.route()
			.GET("/connect/gusto", connect::start)
			.GET("/connect/gusto/callback", connect::callback)
			.build();
	}

	/**
	 * Boot's builder (with its observations) when the WebClient auto-configuration is on
	 * the class path, otherwise a plain one.
	 */
	private static WebClient webClient(ObjectProvider<WebClient.Builder> builder) {
		return builder.getIfAvailable(WebClient::builder)
			.clone()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
			.build();
	}

}
