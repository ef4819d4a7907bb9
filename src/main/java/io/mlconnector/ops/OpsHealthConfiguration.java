package io.mlconnector.ops;

import java.time.Clock;
import java.util.List;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenants;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class OpsHealthConfiguration {

	@Bean
	ConnectionChecks connectionChecks(List<ConnectionCheck> checks, HealthProperties properties) {
		return new ConnectionChecks(checks, properties.connectionCache());
	}

	@Bean
	CompositeReactiveHealthContributor connectionsHealthContributor(Tenants tenants, ConnectionChecks checks) {
		return ConnectionsHealth.of(tenants, checks);
	}

	@Bean
	LiquibaseHealthIndicator liquibaseHealthIndicator(JdbcClient jdbc, Clock clock, HealthProperties properties) {
		return new LiquibaseHealthIndicator(jdbc, clock, properties.liquibaseLockStuckAfter());
	}

}
