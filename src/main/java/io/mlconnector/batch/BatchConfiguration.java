package io.mlconnector.batch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

	@Bean
	static JobLoggingContextPostProcessor jobLoggingContextPostProcessor() {
		return new JobLoggingContextPostProcessor();
	}

}
