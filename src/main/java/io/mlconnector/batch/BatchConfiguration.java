package io.mlconnector.batch;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.mlconnector.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ BatchRecoveryProperties.class, JobLaunchProperties.class })
class BatchConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BatchConfiguration.class);

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
			ObjectProvider<DataSource> dataSource, JobLaunchProperties properties) throws Exception {
		int maxConcurrentJobs = concurrentJobs(properties.maxConcurrentJobs(), dataSource.getIfAvailable());
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

	/**
	 * How many jobs may run at once: a running job holds a connection for its step's
	 * transaction and needs a second one at times (request budgets, voucher claims), so
	 * more jobs than half the pool could starve each other until the pool times out.
	 */
	static int concurrentJobs(int configured, DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari) {
			int affordable = Math.max(1, (hikari.getMaximumPoolSize() - 1) / 2);
			if (affordable < configured) {
				logger.info(
						"Running at most {} jobs at once instead of mlc.batch.max-concurrent-jobs={}: each needs up "
								+ "to two of the pool's {} connections (raise DB_POOL_SIZE to run more)",
						affordable, configured, hikari.getMaximumPoolSize());
				return affordable;
			}
		}
		return configured;
	}

	@Bean
	JobRepositoryMetrics jobRepositoryMetrics(JdbcClient jdbc) {
		return new JobRepositoryMetrics(jdbc);
	}

}
