package io.mlconnector.outbound;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

	@Bean
	OutboundRequestObservationConvention outboundRequestObservationConvention() {
		return new OutboundRequestObservationConvention();
	}

	@Bean
	JdbcRequestBudget requestBudget(DataSource dataSource, Clock clock, MeterRegistry registry,
			OutboundProperties properties) {
		return new JdbcRequestBudget(dataSource, clock, registry, properties.maxReservation());
	}

}
