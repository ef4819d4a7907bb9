package io.mlconnector.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditEvent;
import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Executions whose instance died are recovered FAILED and then restart as the same job
 * instance; executions of live instances are never touched. The recovery runs on its
 * schedule (every second here), as in production.
 */
@ControllableJobTest
class StaleExecutionRecoveryIntegrationTests {

	private static final Duration DEAD = Duration.ofSeconds(45);

	private static final Duration ALIVE = Duration.ZERO;

	@Autowired
	private ControllableJob job;

	@Autowired
	private Job controllableJob;

	@Autowired
	private JobRepository jobRepository;

	@Autowired
	private AsyncJobLauncher launcher;

	@Autowired
	private InstanceHeartbeat self;

	@Autowired
	private AuditTrail audit;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private WebTestClient web;

	private final List<String> instances = new ArrayList<>();

	private final List<Long> leftRunning = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.job.reset();
		this.leftRunning.stream()
			.filter((id) -> this.jobRepository.getJobExecution(id).isRunning())
			.forEach(this.job::abandon);
		this.instances.forEach(this.job::forgetInstance);
	}

	@Test
	void anExecutionLeftStartedByADeadInstanceIsRecoveredFailedWithANoteAndRestartsAsTheSameJobInstance()
			throws Exception {
		// given an execution whose instance was killed during the work step
		String key = key();
		String dead = instance();
		double recoveredBefore = recoveredCount();
		long stuck = this.job.startedByInstance(key, dead, DEAD);

		// when the recovery has run
		JobExecution recovered = awaitStatus(stuck, BatchStatus.FAILED);

		// then it is FAILED with a note naming the instance, and so is its running step
		assertThat(recovered.getEndTime()).isNotNull();
		assertThat(recovered.getExitStatus().getExitCode()).isEqualTo("FAILED");
		assertThat(recovered.getExitStatus().getExitDescription()).contains("the owning instance " + dead + " stopped")
			.contains("Recovered by instance " + this.self.id())
			.contains("Restart it to continue where it stopped");
		StepExecution work = step(recovered, ControllableJob.WORK_STEP);
		assertThat(work.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(work.getEndTime()).isNotNull();
		assertThat(work.getExitStatus().getExitDescription()).contains("the owning instance " + dead + " stopped");
		assertThat(step(recovered, ControllableJob.PREPARE_STEP).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<AuditEvent> events = this.audit.forSubject("execution:" + stuck, 10);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo("execution.recovered");
			assertThat(event.actor()).isEqualTo("system:batch-recovery");
			assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
			assertThat(event.tenant()).isEqualTo("acme");
			assertThat(event.detail()).containsEntry("owner", dead)
				.containsEntry("previousStatus", "STARTED")
				.containsEntry("job", ControllableJob.JOB);
		});
		assertThat(recoveredCount()).isEqualTo(recoveredBefore + 1);

		// and a launch with the same parameters (as the inbox and the sweep do) restarts
		// the same job instance from the failed step
		JobExecution restarted = this.launcher.start(this.controllableJob, ControllableJob.parameters(key));
		JobExecution completed = awaitStatus(restarted.getId(), BatchStatus.COMPLETED);
		assertThat(completed.getJobInstance().getInstanceId()).isEqualTo(recovered.getJobInstance().getInstanceId());
		assertThat(this.job.prepareRuns(key)).isZero();
		assertThat(this.job.workRuns(key)).isEqualTo(1);
	}

	@Test
	void anOperatorCannotRestartTheExecutionOfADeadInstanceUntilItIsRecoveredThenRestartsIt() {
		// given an execution whose owner still looks alive
		String key = key();
		String owner = instance();
		long stuck = this.job.startedByInstance(key, owner, ALIVE);
		this.web.post()
			.uri("/api/v1/executions/{id}/restart", stuck)
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("is STARTED"));

		// when the owner's heartbeat stops
		this.job.heartbeatAged(owner, DEAD);
		JobExecution recovered = awaitStatus(stuck, BatchStatus.FAILED);

		// then the operator's restart is accepted and completes the same job instance
		Map<?, ?> launched = this.web.post()
			.uri("/api/v1/executions/{id}/restart", stuck)
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long restartedId = ((Number) launched.get("executionId")).longValue();
		JobExecution completed = awaitStatus(restartedId, BatchStatus.COMPLETED);
		assertThat(completed.getJobInstance().getInstanceId()).isEqualTo(recovered.getJobInstance().getInstanceId());
		assertThat(this.job.workRuns(key)).isEqualTo(1);
	}

	@Test
	void executionsOfLiveInstancesAreNeverRecovered() throws Exception {
		// given a running execution of this instance, one of another live instance, and
		// an
		// unowned one that was just updated
		String ownKey = key();
		this.job.hold(ownKey);
		long own = this.launcher.start(this.controllableJob, ControllableJob.parameters(ownKey)).getId();
		this.leftRunning.add(own);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.job.isHeld(ownKey));
		// silent for longer than an unowned execution may be: only its owner keeps it
		this.job.silentFor(own, Duration.ofMinutes(30));
		String other = instance();
		long otherOwned = this.job.startedByInstance(key(), other, ALIVE);
		this.leftRunning.add(otherOwned);
		long unownedButFresh = this.job.startedWithoutOwner(key());
		this.leftRunning.add(unownedButFresh);

		// when the recovery has run over them several times (a dead instance's execution,
		// created last, shows each run has passed them)
		for (int run = 0; run < 3; run++) {
			this.job.heartbeatAged(other, ALIVE);
			long probe = this.job.startedByInstance(key(), instance(), DEAD);
			awaitStatus(probe, BatchStatus.FAILED);
		}

		// then they still run
		assertThat(this.jobRepository.getJobExecution(own).getStatus()).isEqualTo(BatchStatus.STARTED);
		assertThat(this.jobRepository.getJobExecution(otherOwned).getStatus()).isEqualTo(BatchStatus.STARTED);
		assertThat(this.jobRepository.getJobExecution(unownedButFresh).getStatus()).isEqualTo(BatchStatus.STARTED);
		assertThat(this.audit.forSubject("execution:" + own, 10)).isEmpty();
		this.job.release(ownKey);
		awaitStatus(own, BatchStatus.COMPLETED);
	}

	@Test
	void anUnownedExecutionIsRecoveredAfterTheLongerSilence() {
		// given an execution without a recorded owner, untouched for 30 minutes (more
		// than
		// unowned-stale-after, 20 minutes here)
		String key = key();
		long silent = this.job.startedWithoutOwner(key);
		this.job.silentFor(silent, Duration.ofMinutes(30));

		// when the recovery has run
		JobExecution recovered = awaitStatus(silent, BatchStatus.FAILED);

		// then it is FAILED, saying why
		assertThat(recovered.getExitStatus().getExitDescription())
			.contains("no instance is recorded as running this execution and it has not been updated since");
		assertThat(this.audit.forSubject("execution:" + silent, 10)).singleElement()
			.satisfies((event) -> assertThat(event.detail()).containsEntry("owner", "unknown"));
	}

	private JobExecution awaitStatus(long id, BatchStatus status) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jobRepository.getJobExecution(id).getStatus() == status);
		return this.jobRepository.getJobExecution(id);
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private double recoveredCount() {
		Counter counter = this.meterRegistry.find("mlc.batch.executions.recovered")
			.tag("job", ControllableJob.JOB)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private String instance() {
		String id = "test-host:" + UUID.randomUUID().toString().substring(0, 8);
		this.instances.add(id);
		return id;
	}

	private static String key() {
		return "recovery-" + UUID.randomUUID();
	}

}
