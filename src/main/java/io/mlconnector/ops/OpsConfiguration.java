package io.mlconnector.ops;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditTrail;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class OpsConfiguration {

	@Bean
	DataRetention dataRetention(JdbcClient jdbc, Clock clock, RetentionProperties properties, MeterRegistry registry) {
		return new DataRetention(jdbc, clock, properties, registry);
	}

	@Bean
	OperatorActions operatorActions(AuditTrail audit) {
		return new OperatorActions(audit);
	}

	@Bean
	OpenAPI operatorApi(ObjectProvider<BuildProperties> build) {
		String version = build.getIfAvailable(() -> null) != null ? build.getObject().getVersion() : "dev";
		return new OpenAPI()
			.info(new Info().title("ml-connector operator API")
				.version(version)
				.description("Executions, restarts, inbox replay, postings, audit and connection checks. "
						+ "Send 'Authorization: Bearer <MLC_OPS_TOKEN>'; the viewer token may only read."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
