package io.mlconnector.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds job executions that still say STARTING, STARTED or STOPPING although the instance
 * running them is gone, and marks them FAILED with a note saying so. Such an execution is
 * otherwise stuck for ever: a restart is refused (it "is running"), an abandon too, and
 * every launch with its parameters answers "already running". Once FAILED it restarts
 * like any failed execution, from its last committed chunk, as a new execution of the
 * same job instance.
 * <p>
 * An execution is stale when
 * <ul>
 * <li>its owner (the instance that launched it through {@link AsyncJobLauncher}) has not
 * written a heartbeat for {@code stale-after}, judged by the database's clock, or</li>
 * <li>it has no recorded owner and neither it nor any of its step executions was updated
 * for {@code unowned-stale-after}. Spring Batch writes those times from the writing
 * instance's own clock in its JVM time zone, so they are compared with this instance's
 * clock in its time zone: instances must share a time zone (as Spring Batch itself
 * assumes), and the long threshold absorbs clock drift.</li>
 * </ul>
 * Executions owned by this instance are never recovered here. Recovery uses Spring
 * Batch's {@code JobOperator.recover}, whose updates are optimistic: if the execution
 * changes meanwhile (it was alive after all, or another instance recovered it first), it
 * is left alone.
 */
class StaleExecutionRecovery {

	private static final Logger logger = LoggerFactory.getLogger(StaleExecutionRecovery.class);

	static final String ACTOR = "system:batch-recovery";

	static final String ACTION = "execution.recovered";

	private static final List<String> RUNNING = List.of(BatchStatus.STARTING.name(), BatchStatus.STARTED.name(),
			BatchStatus.STOPPING.name());

	/**
	 * Heartbeat rows of instances dead this long, owning nothing running, are deleted.
	 */
	private static final Duration FORGET_INSTANCES_AFTER = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final JobRepository jobRepository;

	private final AsyncJobLauncher launcher;

	private final InstanceHeartbeat instance;

	private final AuditTrail audit;

	private final Clock clock;

	private final BatchRecoveryProperties properties;

	private final MeterRegistry meterRegistry;

	StaleExecutionRecovery(JdbcClient jdbc, JobRepository jobRepository, AsyncJobLauncher launcher,
			InstanceHeartbeat instance, AuditTrail audit, Clock clock, BatchRecoveryProperties properties,
			MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.launcher = launcher;
		this.instance = instance;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * An execution that was recovered.
	 *
	 * @param jobExecutionId the execution, now FAILED
	 * @param jobName its job
	 * @param previousStatus what it said before
	 * @param owner the instance that owned it, or {@code null} if none was recorded
	 * @param note the exit description it was given
	 */
	record Recovered(long jobExecutionId, String jobName, BatchStatus previousStatus, String owner, String note) {

	}

	private record Candidate(long jobExecutionId, String owner, LocalDateTime heartbeatAt, LocalDateTime lastUpdated) {

	}

	/**
	 * Recovers every stale execution found now.
	 * @return the executions recovered
	 */
	List<Recovered> recoverStale() {
		List<Recovered> recovered = new ArrayList<>();
		for (Candidate candidate : candidates()) {
			Recovered one = recover(candidate);
			if (one != null) {
				recovered.add(one);
			}
		}
		forgetLongDeadInstances();
		return recovered;
	}

	private List<Candidate> candidates() {
		LocalDateTime unownedBefore = LocalDateTime.now(this.clock.withZone(ZoneId.systemDefault()))
			.minus(this.properties.unownedStaleAfter());
		return this.jdbc.sql("SELECT c.* FROM (SELECT e.JOB_EXECUTION_ID, o.instance_id, h.heartbeat_at, "
				+ "GREATEST(COALESCE(e.LAST_UPDATED, e.CREATE_TIME), COALESCE((SELECT MAX(s.LAST_UPDATED) "
				+ "FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID), e.CREATE_TIME)) AS touched "
				+ "FROM BATCH_JOB_EXECUTION e "
				+ "LEFT JOIN batch_execution_owner o ON o.job_execution_id = e.JOB_EXECUTION_ID "
				+ "LEFT JOIN batch_instance_heartbeat h ON h.instance_id = o.instance_id "
				+ "WHERE e.STATUS IN (:running)) c WHERE "
				+ "(c.instance_id IS NOT NULL AND c.instance_id <> :self AND (c.heartbeat_at IS NULL "
				+ "OR c.heartbeat_at < TIMESTAMPADD(MICROSECOND, -:staleAfter, UTC_TIMESTAMP(6)))) "
				+ "OR (c.instance_id IS NULL AND c.touched < :unownedBefore) ORDER BY c.JOB_EXECUTION_ID")
			.param("running", RUNNING)
			.param("self", this.instance.id())
			.param("staleAfter", micros(this.properties.staleAfter()))
			.param("unownedBefore", unownedBefore)
			.query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
					rs.getObject(4, LocalDateTime.class)))
			.list();
	}

	private Recovered recover(Candidate candidate) {
		JobExecution execution = this.jobRepository.getJobExecution(candidate.jobExecutionId());
		if (execution == null || !execution.isRunning()) {
			// it ended between the query and now
			return null;
		}
		BatchStatus previous = execution.getStatus();
		String jobName = execution.getJobInstance().getJobName();
		String note = note(candidate);
		ExitStatus failed = ExitStatus.FAILED.addExitDescription(note);
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setExitStatus(failed);
			}
		}
		execution.setExitStatus(failed);
		try {
			this.launcher.recover(execution);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.info("Job execution {} of {} changed while being recovered (it is alive, or another instance "
					+ "recovered it); left alone", candidate.jobExecutionId(), jobName);
			return null;
		}
		String tenant = execution.getJobParameters().getString(JobLoggingContext.TENANT_PARAMETER);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("job", jobName);
		detail.put("jobInstanceId", execution.getJobInstance().getInstanceId());
		detail.put("previousStatus", previous.name());
		detail.put("owner", (candidate.owner() != null) ? candidate.owner() : "unknown");
		if (candidate.heartbeatAt() != null) {
			detail.put("ownerLastHeartbeat", candidate.heartbeatAt().toString());
		}
		detail.put("recoveredBy", this.instance.id());
		detail.put("note", note);
		this.audit.record(tenant, ACTOR, ACTION, "execution:" + candidate.jobExecutionId(), AuditOutcome.SUCCESS,
				detail);
		Counter.builder("mlc.batch.executions.recovered")
			.description("Job executions marked FAILED because the instance running them stopped")
			.tag("job", jobName)
			.register(this.meterRegistry)
			.increment();
		logger.warn("Job execution {} of {} (tenant {}) was {} and is now FAILED: {}", candidate.jobExecutionId(),
				jobName, tenant, previous, note);
		return new Recovered(candidate.jobExecutionId(), jobName, previous, candidate.owner(), note);
	}

	private String note(Candidate candidate) {
		if (candidate.owner() == null) {
			return "Recovered by instance " + this.instance.id() + ": no instance is recorded as running this "
					+ "execution and it has not been updated since " + candidate.lastUpdated()
					+ ", so the instance that ran it is taken to have stopped. Restart it to continue where it stopped.";
		}
		String heartbeat = (candidate.heartbeatAt() != null)
				? "its last heartbeat was at " + candidate.heartbeatAt() + " UTC (database time)"
				: "it left no heartbeat";
		return "Recovered by instance " + this.instance.id() + ": the owning instance " + candidate.owner()
				+ " stopped (" + heartbeat
				+ ") while the execution was running. Restart it to continue where it stopped.";
	}

	private void forgetLongDeadInstances() {
		this.jdbc.sql("DELETE FROM batch_instance_heartbeat "
				+ "WHERE heartbeat_at < TIMESTAMPADD(MICROSECOND, -:forget, UTC_TIMESTAMP(6)) AND NOT EXISTS ("
				+ "SELECT 1 FROM batch_execution_owner o JOIN BATCH_JOB_EXECUTION e "
				+ "ON e.JOB_EXECUTION_ID = o.job_execution_id WHERE o.instance_id = batch_instance_heartbeat.instance_id "
				+ "AND e.STATUS IN (:running))")
			.param("forget", micros(FORGET_INSTANCES_AFTER))
			.param("running", RUNNING)
			.update();
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1_000;
	}

}
