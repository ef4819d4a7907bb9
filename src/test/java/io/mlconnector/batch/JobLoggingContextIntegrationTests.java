package io.mlconnector.batch;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class JobLoggingContextIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(JobLoggingContextIntegrationTests.class);

	@Autowired
	private JobOperator jobOperator;

	@Autowired
	private Job loggingProbeJob;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private JobRepositoryMetrics jobRepositoryMetrics;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyLineWrittenInsideAJobCarriesTenantAndJobExecutionId(CapturedOutput output) throws Exception {
		// given
		var parameters = new JobParametersBuilder().addString("tenant", "acme")
			.addString("probe", "logging-" + System.nanoTime())
			.toJobParameters();
		// when
		JobExecution execution = this.jobOperator.start(this.loggingProbeJob, parameters);
		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String context = "[ml-connector,acme," + execution.getId() + "]";
		List<String> probeLines = output.getOut().lines().filter((line) -> line.contains("probe step says")).toList();
		assertThat(probeLines).hasSize(1).allSatisfy((line) -> assertThat(line).contains(context));
		assertThat(MDC.get(JobLoggingContext.JOB_EXECUTION_ID)).as("context is cleared after the job").isNull();
		assertThat(MDC.get(JobLoggingContext.TENANT)).isNull();
	}

	@Test
	void jobAndStepDurationsAreRecordedAsSpringBatchMetrics() throws Exception {
		var parameters = new JobParametersBuilder().addString("tenant", "acme")
			.addString("probe", "metrics-" + System.nanoTime())
			.toJobParameters();
		this.jobOperator.start(this.loggingProbeJob, parameters);
		assertThat(this.meterRegistry.find("spring.batch.job").tag("spring.batch.job.name", "loggingProbeJob").timer())
			.isNotNull()
			.satisfies((timer) -> assertThat(timer.count()).isPositive());
		assertThat(this.meterRegistry.find("spring.batch.step").timer()).isNotNull();
	}

	@Test
	void completedAndFailedExecutionsInTheRepositoryAreCountedByStatus() throws Exception {
		var parameters = new JobParametersBuilder().addString("tenant", "acme")
			.addString("probe", "repository-" + System.nanoTime())
			.toJobParameters();
		this.jobOperator.start(this.loggingProbeJob, parameters);
		this.jobRepositoryMetrics.refresh();
		long completedInRepository = this.jdbc
			.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")
			.query(Long.class)
			.single();
		assertThat(completedInRepository).isPositive();
		assertThat(this.meterRegistry.get("mlc.batch.job.executions").tag("status", "COMPLETED").gauge().value())
			.isEqualTo((double) completedInRepository);
		assertThat(this.meterRegistry.get("mlc.batch.job.executions").tag("status", "FAILED").gauge().value())
			.isEqualTo(this.jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'")
				.query(Double.class)
				.single());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ProbeJobConfiguration {

		@Bean
		Step loggingProbeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
			return new StepBuilder("loggingProbeStep", jobRepository).tasklet((contribution, chunkContext) -> {
				logger.info("probe step says hello");
				return RepeatStatus.FINISHED;
			}, transactionManager).build();
		}

		@Bean
		Job loggingProbeJob(JobRepository jobRepository, Step loggingProbeStep) {
			return new JobBuilder("loggingProbeJob", jobRepository).start(loggingProbeStep).build();
		}

	}

}
