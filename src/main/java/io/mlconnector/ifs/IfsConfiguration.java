package io.mlconnector.ifs;

import java.time.Clock;

import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The IFS Cloud connector's beans.
 */
@Configuration(proxyBeanMethods = false)
class IfsConfiguration {

	@Bean
	IfsClients ifsClients(Tenants tenants, ObjectProvider<WebClient.Builder> webClients, RequestBudget budget,
			JsonMapper json, Clock clock) {
		// Boot's WebClient.Builder (with its observation customizers) when the webclient
		// module is present, a plain builder otherwise
		return new IfsClients(tenants, webClients.getIfAvailable(WebClient::builder), budget, OutboundRetry.DEFAULT,
				json, clock);
	}

	@Bean
	IfsConnectionCheck ifsConnectionCheck(IfsClients clients) {
		return new IfsConnectionCheck(clients);
	}

	@Bean
	IfsSyncCursors ifsSyncCursors(JdbcClient jdbc, JsonMapper json, Clock clock) {
		return new IfsSyncCursors(jdbc, json, clock);
	}

	@Bean
	IfsWatermarks ifsWatermarks(IfsSyncCursors cursors) {
		return new IfsWatermarks(cursors);
	}

	@Bean
	IfsChangePoller ifsChangePoller(IfsClients clients, IfsSyncCursors cursors) {
		return new IfsChangePoller(clients, cursors);
	}

}
