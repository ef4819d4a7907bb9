package io.mlconnector.batch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

	@Bean
	static JobLoggingContextPostProcessor jobLoggingContextPostProcessor() {
		return new JobLoggingContextPostProcessor();
	}

	@Bean
	JobRepositoryMetrics jobRepositoryMetrics(JdbcClient jdbc) {
		return new JobRepositoryMetrics(jdbc);
	}

}
