package io.mlconnector.outbound;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	@Bean
	OutboundRequestObservationConvention outboundRequestObservationConvention() {
		return new OutboundRequestObservationConvention();
	}

	@Bean
	JdbcRequestBudget requestBudget(DataSource dataSource, Clock clock, MeterRegistry registry) {
		return new JdbcRequestBudget(dataSource, clock, registry);
	}

}
