package io.mlconnector.batch;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.mlconnector.audit.AuditTrail;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchRecoveryProperties.class)
class BatchConfiguration {

	@Bean
	static JobLoggingContextPostProcessor jobLoggingContextPostProcessor() {
		return new JobLoggingContextPostProcessor();
	}

	@Bean
	InstanceHeartbeat instanceHeartbeat(JdbcClient jdbc) {
		return new InstanceHeartbeat(jdbc);
	}

	@Bean
	AsyncJobLauncher asyncJobLauncher(JobRepository jobRepository, ObjectProvider<JobRegistry> jobRegistry,
			ApplicationContext applicationContext, PlatformTransactionManager transactionManager,
			ObjectProvider<ObservationRegistry> observationRegistry, InstanceHeartbeat instanceHeartbeat,
			@Value("${mlc.batch.max-concurrent-jobs:8}") int maxConcurrentJobs) throws Exception {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("job-");
		executor.setCorePoolSize(maxConcurrentJobs);
		executor.setMaxPoolSize(maxConcurrentJobs);
		// launches beyond the pool wait in a bounded queue; when that is full the launch
		// fails
		// and the caller (dispatcher, operator) retries later
		executor.setQueueCapacity(maxConcurrentJobs * 16);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		executor.initialize();
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(jobRepository);
		jobRegistry.ifAvailable(factory::setJobRegistry);
		factory.setApplicationContext(applicationContext);
		factory.setTransactionManager(transactionManager);
		factory.setTaskExecutor(executor);
		observationRegistry.ifAvailable(factory::setObservationRegistry);
		factory.afterPropertiesSet();
		return new AsyncJobLauncher(factory.getObject(), executor, jobRepository, instanceHeartbeat);
	}

	@Bean
	StaleExecutionRecovery staleExecutionRecovery(JdbcClient jdbc, JobRepository jobRepository,
			AsyncJobLauncher launcher, InstanceHeartbeat instanceHeartbeat, AuditTrail audit, Clock clock,
			BatchRecoveryProperties properties, MeterRegistry meterRegistry) {
		return new StaleExecutionRecovery(jdbc, jobRepository, launcher, instanceHeartbeat, audit, clock, properties,
				meterRegistry);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mlc.batch.recovery.enabled", matchIfMissing = true)
	StaleExecutionRecoverySchedule staleExecutionRecoverySchedule(StaleExecutionRecovery recovery) {
		return new StaleExecutionRecoverySchedule(recovery);
	}

	@Bean
	JobRepositoryMetrics jobRepositoryMetrics(JdbcClient jdbc) {
		return new JobRepositoryMetrics(jdbc);
	}

}
