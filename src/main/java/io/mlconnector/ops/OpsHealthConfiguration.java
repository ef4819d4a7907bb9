package io.mlconnector.ops;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class OpsHealthConfiguration {

	@Bean
	LiquibaseHealthIndicator liquibaseHealthIndicator(JdbcClient jdbc, Clock clock,
			@Value("${mlc.health.liquibase-lock-stuck-after:5m}") Duration stuckAfter) {
		return new LiquibaseHealthIndicator(jdbc, clock, stuckAfter);
	}

}
