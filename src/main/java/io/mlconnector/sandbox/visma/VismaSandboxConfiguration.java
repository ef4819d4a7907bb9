package io.mlconnector.sandbox.visma;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * Wires the Visma.net sandbox under {@code /sandbox/visma} in the {@code sandbox}
 * profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(VismaSandboxProperties.class)
class VismaSandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(VismaSandboxConfiguration.class);

	@Bean
	VismaSandbox vismaSandbox(VismaSandboxProperties properties, Clock clock) {
		return new VismaSandbox(properties, clock);
	}

	@Bean
	RouterFunction<ServerResponse> vismaSandboxRoutes(VismaSandbox sandbox) {
		VismaSandboxAdmin admin = new VismaSandboxAdmin(sandbox);
		return RouterFunctions.route()
			.POST("/sandbox/visma/connect/token", sandbox::token)
			.POST("/sandbox/visma/_admin/reset", admin::reset)
			.GET("/sandbox/visma/_admin/stats", admin::stats)
			.DELETE("/sandbox/visma/_admin/stats", admin::clearStats)
			.POST("/sandbox/visma/_admin/settings", admin::settings)
			.POST("/sandbox/visma/_admin/faults", admin::addFault)
			.DELETE("/sandbox/visma/_admin/faults", admin::clearFaults)
			.POST("/sandbox/visma/_admin/tokens/expire", admin::expireTokens)
			.POST("/sandbox/visma/_admin/seed", admin::seed)
			.POST("/sandbox/visma/_admin/touch", admin::touch)
			.route(path("/sandbox/visma/v1/**"), sandbox::api)
			.build();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> vismaSandboxBanner(VismaSandboxProperties properties) {
		return (event) -> logger.info(
				"Visma.net sandbox at /sandbox/visma: client id '{}', secret '{}'; company tenants {}, customer "
						+ "tenants {} (token issued, API 401); {} requests per {} per company and client; "
						+ "maxPageSize {}",
				properties.clientId(), properties.clientSecret(), properties.companyTenants().keySet(),
				properties.customerTenants(), properties.requestsPerWindow(), properties.rateLimitWindow(),
				properties.maxPageSize());
	}

}
