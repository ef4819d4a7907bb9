package io.mlconnector.payroll;

import java.time.Duration;
import java.util.List;

import io.mlconnector.batch.AsyncJobLauncher;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.awaitility.Awaitility.await;

/**
 * The payroll functional tests' one way to run a job to its end and to configure the
 * context they share: the loopback port, no dispatcher (the tests launch jobs themselves)
 * and no catch-up.
 */
final class PostingJobs {

	private final AsyncJobLauncher launcher;

	private final JdbcClient jdbc;

	private final JobRepository jobRepository;

	PostingJobs(AsyncJobLauncher launcher, JdbcClient jdbc, JobRepository jobRepository) {
		this.launcher = launcher;
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
	}

	static void properties(DynamicPropertyRegistry registry, int port) {
		registry.add("server.port", () -> port);
		registry.add("mlc.inbox.dispatcher.enabled", () -> "false");
		registry.add("mlc.inbox.catch-up.initial-delay", () -> "1h");
	}

	/**
	 * Starts (or restarts) a job instance and waits until its execution ended.
	 */
	JobExecution run(Job job, JobParameters parameters) throws Exception {
		JobExecution started = this.launcher.start(job, parameters);
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			String status = this.jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
				.param(started.getId())
				.query(String.class)
				.single();
			return !List.of("STARTING", "STARTED", "STOPPING").contains(status);
		});
		return this.jobRepository.getJobExecution(started.getId());
	}

}
