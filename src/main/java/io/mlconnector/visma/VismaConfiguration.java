package io.mlconnector.visma;

import java.time.Clock;

import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.tenant.Tenants;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Visma.net ERP connector's beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VismaProperties.class)
class VismaConfiguration {

	private static final int MAX_BODY = 64 * 1024 * 1024;

	@Bean
	VismaClients vismaClients(Tenants tenants, ObjectProvider<WebClient.Builder> webClients, RequestBudget budget,
			VismaProperties properties, JsonMapper json, Clock clock) {
		HttpClient http = HttpClient.create()
			.responseTimeout(properties.requestTimeout())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
		// Boot's WebClient.Builder (with its observation customizers: request metrics)
		// when the webclient module is present, a plain builder otherwise
		WebClient web = webClients.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
			.build();
		return new VismaClients(tenants, web, budget, properties, json, clock);
	}

	@Bean
	@ConditionalOnProperty(prefix = "mlc.visma", name = "connection-check", havingValue = "true", matchIfMissing = true)
	VismaConnectionCheck vismaConnectionCheck(VismaClients clients) {
		return new VismaConnectionCheck(clients);
	}

}
