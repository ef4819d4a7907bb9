package io.mlconnector.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class OpsHealthConfiguration {

	@Bean
	ConnectionChecks connectionChecks(List<ConnectionCheck> checks,
			@Value("${mlc.health.connection-cache:60s}") Duration cacheFor) {
		return new ConnectionChecks(checks, cacheFor);
	}

	@Bean
	CompositeReactiveHealthContributor connectionsHealthContributor(Tenants tenants, ConnectionChecks checks) {
		return ConnectionsHealth.of(tenants, checks);
	}

	@Bean
	LiquibaseHealthIndicator liquibaseHealthIndicator(JdbcClient jdbc, Clock clock,
			@Value("${mlc.health.liquibase-lock-stuck-after:5m}") Duration stuckAfter) {
		return new LiquibaseHealthIndicator(jdbc, clock, stuckAfter);
	}

}
