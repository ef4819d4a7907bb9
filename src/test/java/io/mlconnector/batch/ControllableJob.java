package io.mlconnector.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mlconnector.inbox.InboxSource;
import io.mlconnector.inbox.JobLaunchingRoute;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A two-step test job ({@value #JOB}: {@value #PREPARE_STEP}, then {@value #WORK_STEP})
 * whose work step can be told, per {@code key} parameter, to fail or to hang until
 * released, and the inbox route that launches it for {@code probe.*} events. A restart of
 * a failed execution skips the completed prepare step, so the step counts show that a
 * restart continued where the execution stopped.
 */
public class ControllableJob {

	/** The job's name. */
	public static final String JOB = "controllableJob";

	/** The first step: always completes. */
	public static final String PREPARE_STEP = "controllablePrepareStep";

	/** The second step: fails or hangs when told to. */
	public static final String WORK_STEP = "controllableWorkStep";

	/** Event types of the route; the job's key is the event's entity id. */
	public static final Set<String> EVENT_TYPES = Set.of("probe.started", "probe.finished");

	private final Map<String, State> states = new ConcurrentHashMap<>();

	private final JobRepository jobRepository;

	private final JdbcClient jdbc;

	ControllableJob(JobRepository jobRepository, JdbcClient jdbc) {
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
	}

	/**
	 * The job's parameters for a key.
	 * @param key the key
	 * @return tenant {@code acme} and the key
	 */
	public static JobParameters parameters(String key) {
		return new JobParametersBuilder().addString("tenant", "acme").addString("key", key).toJobParameters();
	}

	/**
	 * Makes the next runs of the work step for a key fail.
	 * @param key the key
	 * @param times how many runs fail
	 */
	public void failNext(String key, int times) {
		state(key).failures.set(times);
	}

	/**
	 * Makes the work step for a key wait until {@link #release}.
	 * @param key the key
	 */
	public void hold(String key) {
		state(key).hold = new CountDownLatch(1);
	}

	/**
	 * Lets a held work step go on.
	 * @param key the key
	 */
	public void release(String key) {
		CountDownLatch hold = state(key).hold;
		if (hold != null) {
			hold.countDown();
		}
	}

	/**
	 * Whether the work step for a key is running and held.
	 * @param key the key
	 * @return whether it waits for {@link #release}
	 */
	public boolean isHeld(String key) {
		return state(key).waiting.get() > 0;
	}

	/**
	 * How often the prepare step ran in this JVM for a key.
	 * @param key the key
	 * @return the count
	 */
	public int prepareRuns(String key) {
		return state(key).prepareRuns.get();
	}

	/**
	 * How often the work step ran in this JVM for a key.
	 * @param key the key
	 * @return the count
	 */
	public int workRuns(String key) {
		return state(key).workRuns.get();
	}

	/** Releases every held step and forgets every instruction. */
	public void reset() {
		this.states.keySet().forEach(this::release);
		this.states.clear();
	}

	/**
	 * Creates, through the job repository, an execution of the job for a key as an
	 * instance that was then killed leaves it: STARTED, its prepare step COMPLETED and
	 * its work step STARTED, owned by {@code deadInstance}, whose last heartbeat was
	 * {@code heartbeatAge} ago by the database's clock.
	 * @param key the key
	 * @param deadInstance the owner's instance id
	 * @param heartbeatAge how long ago the owner's heartbeat was written
	 * @return the execution's id
	 */
	public long startedByInstance(String key, String deadInstance, Duration heartbeatAge) {
		long id = startedWithoutOwner(key);
		this.jdbc
			.sql("INSERT INTO batch_instance_heartbeat (instance_id, host, started_at, heartbeat_at) "
					+ "VALUES (:id, 'test-host', TIMESTAMPADD(MICROSECOND, -:age, UTC_TIMESTAMP(6)), "
					+ "TIMESTAMPADD(MICROSECOND, -:age, UTC_TIMESTAMP(6))) "
					+ "ON DUPLICATE KEY UPDATE heartbeat_at = TIMESTAMPADD(MICROSECOND, -:age, UTC_TIMESTAMP(6))")
			.param("id", deadInstance)
			.param("age", heartbeatAge.toNanos() / 1000)
			.update();
		this.jdbc
			.sql("INSERT INTO batch_execution_owner (job_execution_id, instance_id, recorded_at) "
					+ "VALUES (?, ?, UTC_TIMESTAMP(6))")
			.params(id, deadInstance)
			.update();
		return id;
	}

	/**
	 * Sets an instance's last heartbeat, as if it had stopped writing it then.
	 * @param instance the instance id
	 * @param age how long ago, by the database's clock
	 */
	public void heartbeatAged(String instance, Duration age) {
		this.jdbc
			.sql("UPDATE batch_instance_heartbeat SET heartbeat_at = TIMESTAMPADD(MICROSECOND, -:age, "
					+ "UTC_TIMESTAMP(6)) WHERE instance_id = :id")
			.param("age", age.toNanos() / 1000)
			.param("id", instance)
			.update();
	}

	/**
	 * Forgets a simulated instance.
	 * @param instance the instance id
	 */
	public void forgetInstance(String instance) {
		this.jdbc.sql("DELETE FROM batch_execution_owner WHERE instance_id = ?").param(instance).update();
		this.jdbc.sql("DELETE FROM batch_instance_heartbeat WHERE instance_id = ?").param(instance).update();
	}

	/**
	 * As {@link #startedByInstance} but with no owner recorded, as executions launched
	 * before owners were recorded.
	 * @param key the key
	 * @return the execution's id
	 */
	public long startedWithoutOwner(String key) {
		JobParameters parameters = parameters(key);
		JobInstance instance = this.jobRepository.createJobInstance(JOB, parameters);
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		LocalDateTime now = LocalDateTime.now();
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(now);
		this.jobRepository.update(execution);
		StepExecution prepare = this.jobRepository.createStepExecution(PREPARE_STEP, execution);
		prepare.setStartTime(now);
		prepare.setEndTime(now);
		prepare.setStatus(BatchStatus.COMPLETED);
		prepare.setExitStatus(ExitStatus.COMPLETED);
		this.jobRepository.update(prepare);
		StepExecution work = this.jobRepository.createStepExecution(WORK_STEP, execution);
		work.setStartTime(now);
		work.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(work);
		return execution.getId();
	}

	/**
	 * Moves an execution's and its steps' last update back, as if nothing had happened to
	 * it for that long.
	 * @param jobExecutionId the execution
	 * @param age how long
	 */
	public void silentFor(long jobExecutionId, Duration age) {
		LocalDateTime then = LocalDateTime.now().minus(age);
		this.jdbc
			.sql("UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, LAST_UPDATED = ? "
					+ "WHERE JOB_EXECUTION_ID = ?")
			.params(then, then, then, jobExecutionId)
			.update();
		this.jdbc
			.sql("UPDATE BATCH_STEP_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, LAST_UPDATED = ? "
					+ "WHERE JOB_EXECUTION_ID = ?")
			.params(then, then, then, jobExecutionId)
			.update();
	}

	/**
	 * Ends an execution left running by a test, so that no recovery finds it later.
	 * @param jobExecutionId the execution
	 */
	public void abandon(long jobExecutionId) {
		JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.ABANDONED);
				step.setEndTime(LocalDateTime.now());
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.ABANDONED);
		execution.setEndTime(LocalDateTime.now());
		this.jobRepository.update(execution);
	}

	private State state(String key) {
		return this.states.computeIfAbsent(key, (k) -> new State());
	}

	private RepeatStatus work(String key) throws InterruptedException {
		State state = state(key);
		state.workRuns.incrementAndGet();
		CountDownLatch hold = state.hold;
		if (hold != null) {
			state.waiting.incrementAndGet();
			try {
				if (!hold.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException(JOB + " was held for 60 s and never released (key " + key + ")");
				}
			}
			finally {
				state.waiting.decrementAndGet();
			}
		}
		if (state.failures.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0) {
			throw new IllegalStateException(JOB + " was told to fail for key " + key);
		}
		return RepeatStatus.FINISHED;
	}

	private static final class State {

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger prepareRuns = new AtomicInteger();

		final AtomicInteger workRuns = new AtomicInteger();

		final AtomicInteger waiting = new AtomicInteger();

		volatile CountDownLatch hold;

	}

	/**
	 * The job, its control and its route.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		ControllableJob controllableJobControl(JobRepository jobRepository, JdbcClient jdbc) {
			return new ControllableJob(jobRepository, jdbc);
		}

		@Bean
		Job controllableJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
				ControllableJob control) {
			return new JobBuilder(JOB, jobRepository)
				.start(new StepBuilder(PREPARE_STEP, jobRepository).tasklet((contribution, context) -> {
					control.state(key(context.getStepContext().getJobParameters())).prepareRuns.incrementAndGet();
					return RepeatStatus.FINISHED;
				}, transactionManager).build())
				.next(new StepBuilder(WORK_STEP, jobRepository)
					.tasklet((contribution, context) -> control.work(key(context.getStepContext().getJobParameters())),
							transactionManager)
					.build())
				.build();
		}

		@Bean
		JobLaunchingRoute controllableJobRoute(Job controllableJob, AsyncJobLauncher launcher) {
			return new JobLaunchingRoute(InboxSource.GUSTO, EVENT_TYPES, false, controllableJob, (event) -> parameters(
					event.eventType().equals("probe.started") ? event.entityId() : event.entityId() + "-finished"),
					launcher);
		}

		private static String key(Map<String, Object> parameters) {
			return (String) parameters.get("key");
		}

	}

}
