package io.mlconnector.sandbox.ifs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

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
 * Wires the IFS Cloud sandbox under {@code /sandbox/ifs} in the {@code sandbox} profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(IfsSandboxProperties.class)
class IfsSandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(IfsSandboxConfiguration.class);

	@Bean
	IfsSandboxAdmin ifsSandboxAdmin(IfsSandboxProperties properties, JsonMapper json, Clock clock) {
		SandboxStore store = new SandboxStore(new SandboxModel(properties.names()), clock);
		IfsSandboxAdmin[] admin = new IfsSandboxAdmin[1];
		ODataService service = new ODataService(store, json, () -> admin[0].paging());
		IfsSandbox sandbox = new IfsSandbox(properties, service,
				new SandboxTokens(clock, properties.tokenLifetime(), properties.refreshTokenLifetime()),
				new SandboxFaults(), new SandboxRateLimit(clock, properties.requestsPerMinute()));
		admin[0] = new IfsSandboxAdmin(sandbox, clock, properties);
		return admin[0];
	}

	@Bean
	RouterFunction<ServerResponse> ifsSandboxRoutes(IfsSandboxAdmin admin) {
		IfsSandbox sandbox = admin.sandbox();
		return RouterFunctions.route()
			.POST("/sandbox/ifs/auth/realms/{realm}/protocol/openid-connect/token", sandbox::token)
			.POST("/sandbox/ifs/_admin/reset", admin::reset)
			.GET("/sandbox/ifs/_admin/stats", admin::stats)
			.POST("/sandbox/ifs/_admin/settings", admin::settings)
			.POST("/sandbox/ifs/_admin/faults", admin::addFault)
			.DELETE("/sandbox/ifs/_admin/faults", admin::clearFaults)
			.POST("/sandbox/ifs/_admin/tokens/expire", admin::expireTokens)
			.POST("/sandbox/ifs/_admin/locks", admin::lock)
			.DELETE("/sandbox/ifs/_admin/locks", admin::unlockAll)
			.POST("/sandbox/ifs/_admin/touch", admin::touch)
			.POST("/sandbox/ifs/_admin/generate", admin::generate)
			.GET("/sandbox/ifs/_admin/vouchers", admin::vouchers)
			.route(path("/sandbox/ifs/{area}/ifsapplications/projection/v1/**"), sandbox::odata)
			.build();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> ifsSandboxBanner(IfsSandboxProperties properties) {
		return (event) -> logger.info(
				"IFS Cloud sandbox at /sandbox/ifs: realm '{}', IAM client id '{}', secret '{}' "
						+ "(fix them with MLC_SANDBOX_IFS_CLIENT_ID and MLC_SANDBOX_IFS_CLIENT_SECRET); "
						+ "tokens last {} s; {} requests/min",
				properties.realm(), properties.clientId(), properties.clientSecret(),
				properties.tokenLifetime().toSeconds(), properties.requestsPerMinute());
	}

}
