package io.mlconnector.sandbox.demo;

import java.time.Clock;

import io.mlconnector.gusto.GustoClient;
import io.mlconnector.ops.OpsProperties;
import io.mlconnector.tenant.Tenants;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The start-up demo, in the {@code sandbox} profile when {@code mlc.sandbox.demo.enabled}
 * is true.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@ConditionalOnBooleanProperty("mlc.sandbox.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

	@Bean
	PayrollDemo payrollDemo(DemoProperties properties, Tenants tenants, GustoClient gusto,
			ObjectProvider<WebClient.Builder> builder, Clock clock, ObjectProvider<OpsProperties> ops) {
		// the demo calls the operator API like an operator, with mlc.ops.token
		OpsProperties operator = ops.getIfAvailable();
		String operatorToken = (operator != null && operator.token() != null) ? operator.token().value() : "";
		WebClient http = builder.getIfAvailable(WebClient::builder)
			.clone()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		return new PayrollDemo(properties, tenants, gusto, http, clock, operatorToken);
	}

}
