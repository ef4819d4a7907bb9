package io.mlconnector.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.batch.AsyncJobLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "mlc.inbox.dispatcher.enabled=false", "mlc.inbox.dispatcher.max-attempts=3",
		"mlc.inbox.dispatcher.initial-backoff=0s", "mlc.inbox.dispatcher.batch-size=20" })
@ActiveProfiles("acme")
class InboxDispatcherIntegrationTests {

	@Autowired
	private InboxWriter writer;

	@Autowired
	private InboxDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private InboxProperties properties;

	@Autowired
	private RecordingRoute payrollRoute;

	@Autowired
	private CoalescingRoute employeeRoute;

	@BeforeEach
	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM inbox_event").update();
		this.payrollRoute.reset();
		this.employeeRoute.dispatched.clear();
	}

	@Test
	void aRoutedEventIsDispatchedAndRecordedAsDone() {
		long id = store("payroll.processed", "payroll-1", 100);
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(this.payrollRoute.dispatchedUuids()).hasSize(1);
		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("status", "DONE")
			.containsEntry("attempts", 1)
			.containsEntry("status_reason", "recorded");
		assertThat(row.get("lease_owner")).isNull();
	}

	@Test
	void aPayrollReversalOfATenantWithoutIfsIsDoneWithANoteAndLaunchesNothing() {
		String payroll = "payroll-" + UUID.randomUUID();
		long id = store("payroll.cancelled", payroll, 100);
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(row(id)).containsEntry("status", "DONE");
		assertThat((String) row(id).get("status_reason")).contains("tenant acme does not post payroll to IFS");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_VALUE = ?")
			.param(payroll)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eventsOfTypesWithoutARouteStayReceived() {
		// payroll reversals have a route (payroll posting); company events have none yet
		long id = store("company.updated", "payroll-2", 100);
		assertThat(this.dispatcher.dispatchDue()).isZero();
		assertThat(row(id)).containsEntry("status", "RECEIVED").containsEntry("attempts", 0);
	}

	@Test
	void aFailingEventIsRetriedAndBecomesDeadAfterTheConfiguredAttempts() {
		this.payrollRoute.failFor("payroll-bad");
		long id = store("payroll.processed", "payroll-bad", 100);
		this.dispatcher.dispatchDue();
		Map<String, Object> afterFirst = row(id);
		assertThat(afterFirst).containsEntry("status", "FAILED").containsEntry("attempts", 1);
		assertThat((String) afterFirst.get("last_error")).contains("IFS answered 423 Locked for payroll-bad");
		assertThat(afterFirst.get("next_attempt_at")).isNotNull();
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();
		assertThat(row(id)).containsEntry("status", "DEAD").containsEntry("attempts", 3);
		this.dispatcher.dispatchDue();
		assertThat(this.payrollRoute.attempts.get()).isEqualTo(3);
	}

	@Test
	void eventsOfOneEntityAreDispatchedInTheSendersOrderWhateverTheArrivalOrder() {
		// arrives out of order: the reversal (later in Gusto's time) is received first
		long reversal = store("payroll.reversed", "payroll-3", 200);
		long processed = store("payroll.processed", "payroll-3", 100);
		this.payrollRoute.failFor("payroll-3");
		this.dispatcher.dispatchDue();
		// the earlier event failed, so the later one waits for it
		assertThat(row(processed)).containsEntry("status", "FAILED");
		assertThat(row(reversal)).containsEntry("status", "RECEIVED");
		this.payrollRoute.reset();
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();
		assertThat(this.payrollRoute.dispatchedTypes()).containsExactly("payroll.processed", "payroll.reversed");
		assertThat(row(reversal)).containsEntry("status", "DONE");
	}

	@Test
	void aLaterEventMakesAnEarlierOneOfACoalescingRouteRedundant() {
		long first = store("employee.updated", "employee-1", 100);
		long second = store("employee.updated", "employee-1", 200);
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();
		assertThat(this.employeeRoute.dispatched).containsExactly(second);
		String secondUuid = (String) row(second).get("event_uuid");
		assertThat(row(first)).containsEntry("status", "DONE")
			.containsEntry("status_reason", "redundant: superseded by event " + secondUuid);
	}

	@Test
	void anEventWhoseDispatcherDiedIsClaimedAgainAfterTheLeaseExpiredAndProcessedOnce() {
		long id = store("payroll.processed", "payroll-4", 100);
		// a dispatcher claimed it and died: PROCESSING with a lease that has now expired
		this.jdbc
			.sql("UPDATE inbox_event SET status = 'PROCESSING', lease_owner = 'dead-host:1', attempts = 1, "
					+ "lease_until = ? WHERE id = ?")
			.params(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1), id)
			.update();
		long stillLeased = store("payroll.processed", "payroll-5", 100);
		this.jdbc
			.sql("UPDATE inbox_event SET status = 'PROCESSING', lease_owner = 'live-host:1', attempts = 1, "
					+ "lease_until = ? WHERE id = ?")
			.params(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5), stillLeased)
			.update();
		assertThat(this.dispatcher.dispatchDue()).isEqualTo(1);
		assertThat(this.payrollRoute.dispatchedUuids()).containsExactly((String) row(id).get("event_uuid"));
		assertThat(row(id)).containsEntry("status", "DONE").containsEntry("attempts", 2);
		assertThat(row(stillLeased)).containsEntry("status", "PROCESSING").containsEntry("lease_owner", "live-host:1");
	}

	@Test
	void twoDispatchersOnOneDatabaseDispatchEachEventOnce() throws Exception {
		for (int i = 0; i < 200; i++) {
			store("payroll.processed", "payroll-many-" + i, 100);
		}
		InboxDispatcher other = new InboxDispatcher(this.jdbc, this.transactions, Clock.systemUTC(),
				this.properties.dispatcher(), List.of(this.payrollRoute, this.employeeRoute), "other-instance",
				new SimpleMeterRegistry());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> first = pool.submit(this.dispatcher::dispatchDue);
			Future<Integer> second = pool.submit(other::dispatchDue);
			assertThat(first.get() + second.get()).isEqualTo(200);
		}
		finally {
			pool.shutdown();
		}
		List<String> uuids = this.payrollRoute.dispatchedUuids();
		assertThat(uuids).hasSize(200).doesNotHaveDuplicates();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'").query(Long.class).single())
			.isEqualTo(200);
	}

	@Test
	void aJobLaunchingRouteLaunchesTheJobAsynchronouslyAndRecordsItsExecution(@Autowired JobLaunchingRoute paidRoute,
			@Autowired JobRepository jobRepository) throws Exception {
		long id = store("payroll.paid", "payroll-paid-" + UUID.randomUUID(), 100);
		this.dispatcher.dispatchDue();
		Map<String, Object> row = row(id);
		// the event waits for the job it launched (RUNNING), and is DONE once it
		// completed
		assertThat(row).containsEntry("status", "RUNNING").containsEntry("status_reason", "launched inboxProbeJob");
		long executionId = ((Number) row.get("job_execution_id")).longValue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jobRepository.getJobExecution(executionId).getStatus() == BatchStatus.COMPLETED);
		this.dispatcher.dispatchDue();
		assertThat(row(id)).containsEntry("status", "DONE")
			.containsEntry("status_reason",
					"launched inboxProbeJob; execution " + executionId + " of inboxProbeJob COMPLETED");
		// the same business keys again: the completed instance is not run twice
		InboxEvent again = new InboxEvent(id, InboxSource.GUSTO, "acme", "x", "payroll.paid", "Payroll",
				(String) row.get("entity_id"), Instant.now(), Instant.now(), "{}", 1);
		assertThat(paidRoute.dispatch(again))
			.isEqualTo(new InboxRoute.Dispatched(null, "inboxProbeJob already completed for these parameters"));
	}

	private long store(String type, String entity, long epochSecond) {
		String uuid = UUID.randomUUID().toString();
		this.writer
			.store(new InboxEntry(InboxSource.GUSTO, "acme", uuid, type,
					type.startsWith("payroll") ? "Payroll" : "Employee", entity, Instant.ofEpochSecond(epochSecond),
					Instant.now(), "application/json", "{}", InboxStatus.RECEIVED, null))
			.block();
		return this.jdbc.sql("SELECT id FROM inbox_event WHERE event_uuid = ?").param(uuid).query(Long.class).single();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT * FROM inbox_event WHERE id = ?").param(id).query().singleRow();
	}

	static class RecordingRoute implements InboxRoute {

		final List<InboxEvent> dispatched = new CopyOnWriteArrayList<>();

		final Set<String> failing = ConcurrentHashMap.newKeySet();

		final AtomicInteger attempts = new AtomicInteger();

		@Override
		public InboxSource source() {
			return InboxSource.GUSTO;
		}

		@Override
		public Set<String> eventTypes() {
			return Set.of("payroll.processed", "payroll.reversed");
		}

		@Override
		public Dispatched dispatch(InboxEvent event) {
			this.attempts.incrementAndGet();
			if (this.failing.contains(event.entityId())) {
				throw new IllegalStateException("IFS answered 423 Locked for " + event.entityId());
			}
			this.dispatched.add(event);
			return new Dispatched(null, "recorded");
		}

		void failFor(String entity) {
			this.failing.add(entity);
		}

		void reset() {
			this.failing.clear();
			this.dispatched.clear();
			this.attempts.set(0);
		}

		List<String> dispatchedUuids() {
			return this.dispatched.stream().map(InboxEvent::eventUuid).toList();
		}

		List<String> dispatchedTypes() {
			return this.dispatched.stream().map(InboxEvent::eventType).toList();
		}

	}

	static class CoalescingRoute implements InboxRoute {

		final List<Long> dispatched = Collections.synchronizedList(new ArrayList<>());

		@Override
		public InboxSource source() {
			return InboxSource.GUSTO;
		}

		@Override
		public Set<String> eventTypes() {
			return Set.of("employee.updated");
		}

		@Override
		public boolean coalesce() {
			return true;
		}

		@Override
		public Dispatched dispatch(InboxEvent event) {
			this.dispatched.add(event.id());
			return new Dispatched(null, "synced");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE) // before the payroll posting routes
		RecordingRoute payrollRoute() {
			return new RecordingRoute();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE) // before the people sync route
		CoalescingRoute employeeRoute() {
			return new CoalescingRoute();
		}

		@Bean
		Job inboxProbeJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
			return new JobBuilder("inboxProbeJob", jobRepository)
				.start(new StepBuilder("inboxProbeStep", jobRepository)
					.tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager)
					.build())
				.build();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE) // before the payroll posting routes
		JobLaunchingRoute paidRoute(Job inboxProbeJob, AsyncJobLauncher launcher) {
			return new JobLaunchingRoute(InboxSource.GUSTO, Set.of("payroll.paid"), false, inboxProbeJob,
					(event) -> new JobParametersBuilder().addString("tenant", event.tenant())
						.addString("payrollUuid", event.entityId())
						.toJobParameters(),
					launcher);
		}

	}

}
