package io.mlconnector.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.batch.ControllableJob;
import io.mlconnector.batch.ControllableJobTest;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event that launched a job waits (RUNNING) for it and takes its outcome: DONE when it
 * completed, FAILED and retried (restarting the job instance) when it failed, IGNORED
 * when an operator abandoned it. The dispatcher is run by the tests; the batch recovery
 * runs on its schedule.
 */
@ControllableJobTest
class InboxJobTrackingIntegrationTests {

	@Autowired
	private InboxWriter writer;

	@Autowired
	private InboxDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ControllableJob job;

	@Autowired
	private Job controllableJob;

	@Autowired
	private AsyncJobLauncher launcher;

	@Autowired
	private JobRepository jobRepository;

	@Autowired
	private WebTestClient web;

	private final List<String> instances = new ArrayList<>();

	@BeforeEach
	@AfterEach
	void cleanUp() {
		this.job.reset();
		this.jdbc.sql("DELETE FROM inbox_event").update();
		this.instances.forEach(this.job::forgetInstance);
	}

	@Test
	void anEventIsRunningWhileItsJobRunsAndDoneOnceTheJobCompleted() {
		// given an event whose job will run until released
		String key = key();
		this.job.hold(key);
		long id = store("probe.started", key, 100);

		// when it is dispatched
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);

		// then it waits for the execution it launched, and is not claimed again meanwhile
		Map<String, Object> running = row(id);
		assertThat(running).containsEntry("status", "RUNNING")
			.containsEntry("status_reason", "launched " + ControllableJob.JOB)
			.containsEntry("attempts", 1);
		assertThat(running.get("lease_owner")).isNull();
		assertThat(running.get("lease_until")).isNull();
		long execution = executionOf(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.job.isHeld(key));
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(row(id)).containsEntry("status", "RUNNING").containsEntry("attempts", 1);
		this.web.get()
			.uri("/api/v1/inbox?status=RUNNING")
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].jobExecutionId")
			.isEqualTo(Math.toIntExact(execution));

		// when the job completes
		this.job.release(key);
		awaitStatus(execution, BatchStatus.COMPLETED);
		this.dispatcher.dispatchDue();

		// then the event is done, saying so
		assertThat(row(id)).containsEntry("status", "DONE")
			.containsEntry("status_reason",
					"launched " + ControllableJob.JOB + "; execution " + execution + " of " + ControllableJob.JOB
							+ " COMPLETED")
			.containsEntry("attempts", 1);
		assertThat(executionOf(id)).isEqualTo(execution);
	}

	@Test
	void anEventWhoseJobFailedIsFailedWithTheJobsErrorAndItsRetryRestartsTheSameJobInstanceToDone() {
		// given an event whose job fails once
		String key = key();
		this.job.failNext(key, 1);
		long id = store("probe.started", key, 100);
		this.dispatcher.dispatchDue();
		long first = executionOf(id);
		awaitStatus(first, BatchStatus.FAILED);

		// when the dispatcher looks at it
		assertThat(this.dispatcher.settleRunning()).isEqualTo(1);

		// then it is FAILED with the job's failure, to be retried
		Map<String, Object> failed = row(id);
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("attempts", 1);
		assertThat((String) failed.get("last_error")).startsWith("execution " + first + " of " + ControllableJob.JOB
				+ " ended FAILED (exit code FAILED): IllegalStateException: " + ControllableJob.JOB
				+ " was told to fail for key " + key);
		assertThat(failed.get("next_attempt_at")).isNotNull();

		// when it is retried
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		long second = executionOf(id);
		assertThat(second).isNotEqualTo(first);
		awaitStatus(second, BatchStatus.COMPLETED);
		this.dispatcher.dispatchDue();

		// then the same job instance completed, from the failed step, and the event is
		// done
		assertThat(row(id)).containsEntry("status", "DONE").containsEntry("attempts", 2);
		assertThat(instanceOf(second)).isEqualTo(instanceOf(first));
		assertThat(this.job.prepareRuns(key)).isEqualTo(1);
		assertThat(this.job.workRuns(key)).isEqualTo(2);
	}

	@Test
	void anEventWhoseJobKeepsFailingIsDeadAfterTheConfiguredAttempts() {
		String key = key();
		this.job.failNext(key, 3);
		long id = store("probe.started", key, 100);
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
			awaitStatus(executionOf(id), BatchStatus.FAILED);
			this.dispatcher.settleRunning();
		}
		Map<String, Object> dead = row(id);
		assertThat(dead).containsEntry("status", "DEAD").containsEntry("attempts", 3);
		assertThat((String) dead.get("last_error")).contains("was told to fail for key " + key);
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(this.job.workRuns(key)).isEqualTo(3);
	}

	@Test
	void anEventDeliveredWhileItsJobIsAlreadyRunningWaitsForThatExecution() throws Exception {
		// given the job of the event's business keys launched by someone else (the
		// sweep, an operator) and still running
		String key = key();
		this.job.hold(key);
		JobExecution sweep = this.launcher.start(this.controllableJob, ControllableJob.parameters(key));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.job.isHeld(key));

		// when the event is dispatched
		long id = store("probe.started", key, 100);
		this.dispatcher.dispatchDue();

		// then it tracks the running execution instead of being done
		assertThat(row(id)).containsEntry("status", "RUNNING")
			.containsEntry("status_reason", ControllableJob.JOB
					+ " was already running for these parameters (execution " + sweep.getId() + "); waiting for it");
		assertThat(executionOf(id)).isEqualTo(sweep.getId());

		this.job.release(key);
		awaitStatus(sweep.getId(), BatchStatus.COMPLETED);
		this.dispatcher.dispatchDue();
		assertThat(row(id)).containsEntry("status", "DONE");
		assertThat(this.job.workRuns(key)).isEqualTo(1);
	}

	@Test
	void aLaterEventOfTheSameEntityWaitsWhileTheEarlierEventsJobRuns() {
		// given two events of one entity; the earlier one's job runs until released
		String entity = key();
		this.job.hold(entity);
		long earlier = store("probe.started", entity, 100);
		long later = store("probe.finished", entity, 200);

		// when the dispatcher runs while the earlier job runs
		this.dispatcher.dispatchDue();
		long earlierExecution = executionOf(earlier);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.job.isHeld(entity));
		this.dispatcher.dispatchDue();

		// then the later event waits
		assertThat(row(earlier)).containsEntry("status", "RUNNING");
		assertThat(row(later)).containsEntry("status", "RECEIVED").containsEntry("attempts", 0);

		// and it is dispatched once the earlier job completed
		this.job.release(entity);
		awaitStatus(earlierExecution, BatchStatus.COMPLETED);
		this.dispatcher.dispatchDue();
		assertThat(row(earlier)).containsEntry("status", "DONE");
		assertThat(row(later)).containsEntry("status", "RUNNING");
		long laterExecution = executionOf(later);
		awaitStatus(laterExecution, BatchStatus.COMPLETED);
		LocalDateTime earlierEnded = this.jobRepository.getJobExecution(earlierExecution).getEndTime();
		assertThat(this.jobRepository.getJobExecution(laterExecution).getCreateTime()).isAfter(earlierEnded);
		this.dispatcher.dispatchDue();
		assertThat(row(later)).containsEntry("status", "DONE");
	}

	@Test
	void aRunningEventWhoseInstanceDiedIsFailedByTheRecoveryAndItsRetryCompletesTheSameJobInstance() {
		// given an event whose job was running on an instance that is alive so far
		String key = key();
		String owner = "test-host:" + UUID.randomUUID().toString().substring(0, 8);
		this.instances.add(owner);
		long stuck = this.job.startedByInstance(key, owner, Duration.ZERO);
		long id = store("probe.started", key, 100);
		this.jdbc
			.sql("UPDATE inbox_event SET status = 'RUNNING', attempts = 1, job_execution_id = ?, "
					+ "status_reason = 'launched controllableJob' WHERE id = ?")
			.params(stuck, id)
			.update();
		this.dispatcher.dispatchDue();
		assertThat(row(id)).containsEntry("status", "RUNNING");

		// when that instance is killed: its heartbeat stops and the recovery marks the
		// execution FAILED
		this.job.heartbeatAged(owner, Duration.ofSeconds(45));
		awaitStatus(stuck, BatchStatus.FAILED);
		this.dispatcher.settleRunning();

		// then the event is FAILED with the recovery's note
		Map<String, Object> failed = row(id);
		assertThat(failed).containsEntry("status", "FAILED");
		assertThat((String) failed.get("last_error")).contains("ended FAILED")
			.contains("the owning instance " + owner + " stopped");

		// and its retry restarts the job instance, which completes
		this.dispatcher.dispatchDue();
		long restarted = executionOf(id);
		assertThat(restarted).isNotEqualTo(stuck);
		awaitStatus(restarted, BatchStatus.COMPLETED);
		assertThat(instanceOf(restarted)).isEqualTo(instanceOf(stuck));
		this.dispatcher.dispatchDue();
		assertThat(row(id)).containsEntry("status", "DONE").containsEntry("attempts", 2);
		assertThat(this.job.prepareRuns(key)).isZero();
		assertThat(this.job.workRuns(key)).isEqualTo(1);
	}

	@Test
	void anEventWhoseExecutionAnOperatorAbandonedIsIgnoredWithANote() throws Exception {
		String key = key();
		this.job.failNext(key, 1);
		long id = store("probe.started", key, 100);
		this.dispatcher.dispatchDue();
		long execution = executionOf(id);
		awaitStatus(execution, BatchStatus.FAILED);
		this.launcher.abandon(execution);

		this.dispatcher.dispatchDue();

		Map<String, Object> ignored = row(id);
		assertThat(ignored).containsEntry("status", "IGNORED");
		assertThat((String) ignored.get("status_reason"))
			.contains("execution " + execution + " of " + ControllableJob.JOB + " was ABANDONED by an operator");
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(this.job.workRuns(key)).isEqualTo(1);
	}

	private long store(String type, String entity, long epochSecond) {
		String uuid = UUID.randomUUID().toString();
		this.writer
			.store(new InboxEntry(InboxSource.GUSTO, "acme", uuid, type, "Probe", entity,
					Instant.ofEpochSecond(epochSecond), Instant.now(), "application/json", "{}", InboxStatus.RECEIVED,
					null))
			.block();
		return this.jdbc.sql("SELECT id FROM inbox_event WHERE event_uuid = ?").param(uuid).query(Long.class).single();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT * FROM inbox_event WHERE id = ?").param(id).query().singleRow();
	}

	private long executionOf(long id) {
		return ((Number) row(id).get("job_execution_id")).longValue();
	}

	private long instanceOf(long execution) {
		return this.jobRepository.getJobExecution(execution).getJobInstance().getInstanceId();
	}

	private void awaitStatus(long execution, BatchStatus status) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jobRepository.getJobExecution(execution).getStatus() == status);
	}

	private static String key() {
		return "inbox-" + UUID.randomUUID();
	}

}
