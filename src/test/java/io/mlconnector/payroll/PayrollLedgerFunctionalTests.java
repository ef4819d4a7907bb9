package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.mlconnector.audit.AuditTrail;
import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEmployeeCompensation;
import io.mlconnector.gusto.GustoPayroll;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.tenant.Tenants;
import io.mlconnector.testsupport.LoopbackPorts;
import io.mlconnector.testsupport.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The postings of one payroll end in the right ledger whatever Gusto does to it and in
 * whatever order the postings run: reversals (full and partial), cancellations before and
 * after the accrual, payments with paper checks, and two executions of one posting racing
 * for the same voucher. Over loopback against the Gusto and IFS sandboxes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
class PayrollLedgerFunctionalTests {

	static final String TENANT = "demo";

	static final int PORT = LoopbackPorts.free();

	static final AtomicInteger seeds = new AtomicInteger((int) (System.nanoTime() % 100_000) + 200_000);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PostingJobs.properties(registry, PORT);
		registry.add("mlc.batch.recovery.check-interval", () -> "1s");
		registry.add("mlc.tenants.demo.mapping.work-location-as-of", () -> "PAY_PERIOD");
	}

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AsyncJobLauncher launcher;

	@Autowired
	private Job payrollPostingJob;

	@Autowired
	private PayrollPostings postings;

	@Autowired
	private JobRepository jobRepository;

	@Autowired
	private GustoClient gusto;

	@Autowired
	private IfsClients ifs;

	@Autowired
	private Tenants tenants;

	@Autowired
	private AuditTrail audit;

	@Autowired
	private JsonMapper json;

	private final SandboxHttp sandbox = new SandboxHttp(PORT);

	@BeforeEach
	void connectGusto() {
		this.sandbox.gustoCompany(40, seeds.incrementAndGet());
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.sandbox.connectGusto();
	}

	@Test
	void aPayrollAndGustosReversalOfItSumToZeroOnEveryAccountWhicheverPostingRunsFirst() throws Exception {
		// given a posted payroll that Gusto then reverses with a reversal payroll
		String payroll = this.sandbox.processPayroll();
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String reversal = this.sandbox.reversePayroll(payroll);

		// when payroll.reversed is handled before payroll.processed of the reversal
		// payroll, and then that one too
		JobExecution reversed = run(payroll, PostingKind.REVERSAL);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.postings.status(key(reversal, PostingKind.ACCRUAL)).filter("POSTED"::equals).isPresent());
		JobExecution redelivered = runOrCompleted(reversal, PostingKind.ACCRUAL);

		// then the reversal payroll's own accrual booked the reversal, nothing was
		// swapped,
		// and every account and cost center nets to zero
		assertThat(reversed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(redelivered).isNull();
		assertThat(this.postings.status(key(payroll, PostingKind.REVERSAL))).hasValue("NOTHING_TO_POST");
		assertThat(note(payroll, PostingKind.REVERSAL)).contains(reversal).contains("their own ACCRUAL postings");
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10"))).isZero();
		Map<String, BigDecimal> ledger = balances(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"),
				PayrollReferences.reference(reversal, PostingKind.ACCRUAL, "10"));
		assertThat(ledger).isNotEmpty().allSatisfy((account, balance) -> assertThat(balance).as(account).isZero());
	}

	@Test
	void aPartialReversalBooksOnlyWhatGustoReversed() throws Exception {
		// given a posted payroll of which Gusto reverses two employees
		String payroll = this.sandbox.processPayroll();
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		GustoPayroll original = this.gusto.payroll(TENANT, payroll).block(Duration.ofSeconds(30));
		List<GustoEmployeeCompensation> reversedPay = original.employeeCompensations().subList(0, 2);
		String reversal = this.sandbox.reversePayroll(payroll, reversedPay.get(0).employeeUuid(),
				reversedPay.get(1).employeeUuid());

		// when
		assertThat(run(payroll, PostingKind.REVERSAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.postings.status(key(reversal, PostingKind.ACCRUAL)).filter("POSTED"::equals).isPresent());

		// then the reversal's gross pay is minus that of the two employees, and the rest
		// of
		// the original stays booked
		BigDecimal reversedGross = reversedPay.stream()
			.map((pay) -> Amounts.cents(pay.grossPay()))
			.reduce(Amounts.ZERO, BigDecimal::add);
		BigDecimal bookedGross = this.jdbc
			.sql("SELECT gross_pay FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL'")
			.params(TENANT, reversal)
			.query(BigDecimal.class)
			.single();
		assertThat(bookedGross).isEqualByComparingTo(reversedGross.negate());
		Map<String, BigDecimal> ledger = balances(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"),
				PayrollReferences.reference(reversal, PostingKind.ACCRUAL, "10"));
		assertThat(ledger.values()).anySatisfy((balance) -> assertThat(balance).isNotZero());
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10"))).isZero();
	}

	@Test
	void aPayrollCancelledBeforeItsAccrualRanIsNeverBooked() throws Exception {
		// given a payroll that Gusto cancels before anything was posted
		String payroll = this.sandbox.processPayroll();
		this.sandbox.cancelPayroll(payroll);

		// when payroll.cancelled is handled first, and payroll.processed arrives after it
		JobExecution reversal = run(payroll, PostingKind.REVERSAL);
		JobExecution accrual = run(payroll, PostingKind.ACCRUAL);
		JobExecution payment = run(payroll, PostingKind.PAYMENT);

		// then nothing is booked and each posting says why
		assertThat(List.of(reversal.getStatus(), accrual.getStatus(), payment.getStatus()))
			.containsOnly(BatchStatus.COMPLETED);
		assertThat(this.postings.status(key(payroll, PostingKind.REVERSAL))).hasValue("NOTHING_TO_POST");
		assertThat(this.postings.status(key(payroll, PostingKind.ACCRUAL))).hasValue("CANCELLED");
		assertThat(this.postings.status(key(payroll, PostingKind.PAYMENT))).hasValue("CANCELLED");
		assertThat(note(payroll, PostingKind.ACCRUAL)).contains("Gusto cancelled payroll " + payroll);
		for (PostingKind kind : PostingKind.values()) {
			assertThat(count(PayrollReferences.reference(payroll, kind, "10"))).as(kind.name()).isZero();
		}
	}

	@Test
	void aPayrollCancelledAfterItsAccrualIsSwappedToZeroAndItsPaymentNeverClears() throws Exception {
		// given a posted accrual of a payroll Gusto then cancels
		String payroll = this.sandbox.processPayroll();
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		this.sandbox.cancelPayroll(payroll);

		// when the reversal runs, and a payment (a late payroll.paid) after it
		JobExecution reversal = run(payroll, PostingKind.REVERSAL);
		JobExecution payment = run(payroll, PostingKind.PAYMENT);

		// then the accrual is swapped, the payment is not booked, the ledger nets to zero
		assertThat(reversal.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(payment.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.postings.status(key(payroll, PostingKind.REVERSAL))).hasValue("POSTED");
		assertThat(this.postings.status(key(payroll, PostingKind.PAYMENT))).hasValue("CANCELLED");
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.PAYMENT, "10"))).isZero();
		Map<String, BigDecimal> ledger = balances(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"),
				PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10"));
		assertThat(ledger).isNotEmpty().allSatisfy((account, balance) -> assertThat(balance).as(account).isZero());
	}

	@Test
	void aCancellationInAClosedPeriodIsBookedOnTheFirstDayOfTheNextOpenOne() throws Exception {
		// given a posted accrual whose accounting period IFS then closes, and a
		// cancellation
		String payroll = this.sandbox.processPayroll();
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		java.time.LocalDate accrued = java.time.LocalDate
			.parse(this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
				.path("vouchers")
				.get(0)
				.path("VoucherDate")
				.asString());
		String period = "Company='10',AccountingYear=" + accrued.getYear() + ",PeriodNo=" + accrued.getMonthValue();
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/touch",
				Map.of("entitySet", "AccountingPeriodSet", "key", period, "changes", Map.of("PeriodStatus", "Closed")));
		this.sandbox.cancelPayroll(payroll);
		try {
			// when
			JobExecution reversal = run(payroll, PostingKind.REVERSAL);

			// then the swap is dated in the next open period, and the ledger nets to zero
			assertThat(reversal.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			JsonNode swapped = this.sandbox
				.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10"))
				.path("vouchers")
				.get(0);
			assertThat(swapped.path("VoucherDate").asString())
				.isEqualTo(accrued.withDayOfMonth(1).plusMonths(1).toString());
			assertThat(swapped.path("VoucherText").asString()).endsWith("(its period is closed)");
			assertThat(balances(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"),
					PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10")))
				.allSatisfy((account, balance) -> assertThat(balance).as(account).isZero());
		}
		finally {
			this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/touch", Map.of("entitySet", "AccountingPeriodSet",
					"key", period, "changes", Map.of("PeriodStatus", "Open")));
		}
	}

	@Test
	void anAccrualWhoseWriteFailedIsWithdrawnWhenGustoCancelsThePayroll() throws Exception {
		// given an accrual whose voucher was claimed but refused by IFS (the outcome
		// known
		// only to IFS), then the payroll is cancelled
		String payroll = this.sandbox.processPayroll();
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "STATUS", "status", 400, "count", 1, "path", "$batch"));
		JobExecution failed;
		try {
			failed = run(payroll, PostingKind.ACCRUAL);
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		}
		finally {
			this.sandbox.client()
				.delete()
				.uri(this.sandbox.base() + "/sandbox/ifs/_admin/faults")
				.retrieve()
				.toBodilessEntity()
				.block();
		}
		this.sandbox.cancelPayroll(payroll);

		// when the reversal runs, and the failed accrual is restarted after it
		JobExecution reversal = run(payroll, PostingKind.REVERSAL);
		JobExecution restarted = run(payroll, PostingKind.ACCRUAL);

		// then IFS holds nothing, and both postings say so
		assertThat(reversal.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
		assertThat(this.postings.status(key(payroll, PostingKind.ACCRUAL))).hasValue("CANCELLED");
		assertThat(this.postings.vouchers(TENANT, payroll, PostingKind.ACCRUAL))
			.extracting(PayrollPostings.VoucherRecord::status)
			.containsOnly(PayrollPostings.VoucherStatus.WITHDRAWN);
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))).isZero();
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10"))).isZero();
	}

	@Test
	void aPostingWhoseInstanceDiedDuringThePlanIsRecoveredAndRestartedAsTheSameInstanceToOneVoucher() throws Exception {
		// given an accrual left STARTED in its plan step by an instance that was killed
		// (kill -9 leaves exactly these rows: no end, no failure, a silent owner)
		String payroll = this.sandbox.processPayroll();
		JobParameters parameters = PostingParameters.parameters(key(payroll, PostingKind.ACCRUAL));
		JobInstance instance = this.jobRepository.createJobInstance(PayrollPostingJobConfiguration.JOB, parameters);
		JobExecution crashed = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		crashed.setStatus(BatchStatus.STARTED);
		crashed.setStartTime(java.time.LocalDateTime.now());
		this.jobRepository.update(crashed);
		var plan = this.jobRepository.createStepExecution(PayrollPostingJobConfiguration.PLAN_STEP, crashed);
		plan.setStatus(BatchStatus.STARTED);
		plan.setStartTime(java.time.LocalDateTime.now());
		this.jobRepository.update(plan);
		String dead = "killed-" + java.util.UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO batch_instance_heartbeat (instance_id, host, started_at, heartbeat_at) VALUES (?, "
					+ "'killed-host', TIMESTAMPADD(MINUTE, -20, UTC_TIMESTAMP(6)), "
					+ "TIMESTAMPADD(MINUTE, -10, UTC_TIMESTAMP(6)))")
			.param(dead)
			.update();
		this.jdbc
			.sql("INSERT INTO batch_execution_owner (job_execution_id, instance_id, recorded_at) "
					+ "VALUES (?, ?, UTC_TIMESTAMP(6))")
			.params(crashed.getId(), dead)
			.update();

		// when the recovery finds the silent owner, and the posting is started again (as
		// the
		// redelivered event, the sweep or an operator does)
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jobRepository.getJobExecution(crashed.getId()).getStatus() == BatchStatus.FAILED);
		JobExecution recovered = this.jobRepository.getJobExecution(crashed.getId());
		JobExecution restarted = run(payroll, PostingKind.ACCRUAL);

		// then it completes as the same job instance with one voucher per company
		assertThat(recovered.getExitStatus().getExitDescription()).contains("the owning instance " + dead + " stopped");
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstanceId()).isEqualTo(instance.getInstanceId());
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))).isEqualTo(1);
		assertThat(this.postings.status(key(payroll, PostingKind.ACCRUAL))).hasValue("POSTED");
	}

	@Test
	void twoRunningExecutionsOfOnePostingGiveIfsOneVoucher() throws Exception {
		// given a planned accrual voucher (a first execution failed before posting it)
		// and
		// two executions of the posting running at once on two nodes, with IFS slow
		String payroll = this.sandbox.processPayroll();
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "STATUS", "status", 400, "count", 1, "path", "$batch"));
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.FAILED);
		PostingKey key = key(payroll, PostingKind.ACCRUAL);
		PayrollPostings.PlannedVoucher planned = this.postings.unposted(key).get(0);
		JobInstance instance = this.jobRepository.createJobInstance("payrollLedgerRaceJob",
				new JobParametersBuilder().addString("payroll", payroll).toJobParameters());
		List<Long> executions = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			JobExecution execution = this.jobRepository.createJobExecution(instance, new JobParameters(),
					new ExecutionContext());
			execution.setStatus(BatchStatus.STARTED);
			this.jobRepository.update(execution);
			executions.add(execution.getId());
		}
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "LATENCY", "latencyMillis", 1500, "count", 1, "path", "$batch"));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// when both write the voucher at the same time
			List<Future<String>> outcomes = new ArrayList<>();
			for (long execution : executions) {
				Callable<String> write = () -> {
					try {
						writer(key, execution).write(Chunk.of(planned));
						return "posted";
					}
					catch (PlannedVoucherWriter.VoucherBusyException ex) {
						return "busy: " + ex.getMessage();
					}
				};
				outcomes.add(threads.submit(write));
			}
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}

			// then one posted it, the other stepped back, and IFS holds one voucher
			assertThat(results).containsOnlyOnce("posted");
			assertThat(results).anySatisfy((result) -> assertThat(result).startsWith("busy: voucher "));
			assertThat(count(planned.draft().reference())).isEqualTo(1);
			assertThat(this.postings.vouchers(TENANT, payroll, PostingKind.ACCRUAL))
				.extracting(PayrollPostings.VoucherRecord::status)
				.containsOnly(PayrollPostings.VoucherStatus.POSTED);
		}
		finally {
			threads.shutdownNow();
			this.sandbox.client()
				.delete()
				.uri(this.sandbox.base() + "/sandbox/ifs/_admin/faults")
				.retrieve()
				.toBodilessEntity()
				.block();
			for (long execution : executions) {
				JobExecution running = this.jobRepository.getJobExecution(execution);
				running.setStatus(BatchStatus.FAILED);
				this.jobRepository.update(running);
			}
		}
	}

	@Test
	void anEmployeeWhoMovedAfterThePayPeriodIsAllocatedToTheLocationHeWorkedAtInIt() throws Exception {
		// given a company at the work locations the demo mapping assigns to IFS
		// companies,
		// a payroll previewed per company, and then one of its employees moves to a
		// work location of another IFS company from the day after the pay period
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/companies", Map.of("company_uuid",
				SandboxHttp.COMPANY, "employees", 40, "seed", seeds.incrementAndGet(), "location_seed", 42));
		String payroll = this.sandbox.processPayroll();
		GustoPayroll read = this.gusto.payroll(TENANT, payroll).block(Duration.ofSeconds(30));
		Map<String, String> companyByLocation = this.tenants.require(TENANT).mapping().allocation().companyByLocation();
		Map<String, String> locationOf = new TreeMap<>();
		this.gusto.employees(TENANT)
			.toIterable()
			.forEach((employee) -> employee.jobs()
				.stream()
				.filter((job) -> Boolean.TRUE.equals(job.primary()))
				.findFirst()
				.ifPresent((job) -> locationOf.put(employee.uuid(), job.locationUuid())));
		GustoEmployeeCompensation mover = read.employeeCompensations()
			.stream()
			.filter((pay) -> Amounts.cents(pay.grossPay()).signum() > 0)
			.filter((pay) -> companyByLocation.containsKey(locationOf.get(pay.employeeUuid())))
			.findFirst()
			.orElseThrow();
		String from = locationOf.get(mover.employeeUuid());
		String to = companyByLocation.keySet()
			.stream()
			.filter((location) -> !companyByLocation.get(location).equals(companyByLocation.get(from)))
			.findFirst()
			.orElseThrow();
		assertThat(new PostingJobs(this.launcher, this.jdbc, this.jobRepository)
			.run(this.payrollPostingJob,
					PostingParameters.parameters(new PostingKey(TENANT, payroll, PostingKind.ACCRUAL, true)))
			.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, BigDecimal> previewed = previewDebits(payroll);
		this.sandbox.admin(HttpMethod.PUT, "/sandbox/gusto/_admin/employees/" + mover.employeeUuid(),
				Map.of("work_location_uuid", to, "work_location_effective_date",
						read.payPeriod().endDate().plusDays(1).toString()));
		assertThat(this.gusto.workAddresses(TENANT, mover.employeeUuid()).collectList().block(Duration.ofSeconds(30)))
			.extracting(io.mlconnector.gusto.GustoWorkAddress::locationUuid)
			.containsExactly(from, to);

		// when the accrual is planned after the move
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then every company's voucher is what it was before the move: the pay period's
		// work address allocated the mover's pay, not the current one
		Map<String, BigDecimal> posted = new TreeMap<>();
		this.jdbc.sql(
				"SELECT company, total_debit FROM payroll_voucher WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL'")
			.params(TENANT, payroll)
			.query((rs, row) -> posted.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		assertThat(posted).hasSameSizeAs(previewed);
		previewed.forEach((company, debit) -> assertThat(posted.get(company)).as(company).isEqualByComparingTo(debit));
	}

	private Map<String, BigDecimal> previewDebits(String payroll) {
		String preview = this.jdbc.sql(
				"SELECT preview FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL' AND dry_run")
			.params(TENANT, payroll)
			.query(String.class)
			.single();
		Map<String, BigDecimal> debits = new TreeMap<>();
		for (JsonNode voucher : this.json.readTree(preview)) {
			BigDecimal debit = Amounts.ZERO;
			for (JsonNode row : voucher.path("rows")) {
				if (row.path("debit").isNumber()) {
					debit = debit.add(row.path("debit").decimalValue());
				}
			}
			debits.put(voucher.path("company").asString(), debit);
		}
		return debits;
	}

	@Test
	void thePaymentLeavesPaperChecksPayableAndMatchesWhatGustoDebited() throws Exception {
		// given a posted payroll with employees Gusto pays by paper check
		String payroll = this.sandbox.processPayroll();
		GustoPayroll read = this.gusto.payroll(TENANT, payroll).block(Duration.ofSeconds(30));
		BigDecimal paperChecks = read.employeeCompensations()
			.stream()
			.filter((pay) -> "Check".equals(pay.paymentMethod()))
			.map((pay) -> Amounts.cents(pay.checkAmount()))
			.reduce(Amounts.ZERO, BigDecimal::add);
		assertThat(paperChecks).isPositive();
		assertThat(run(payroll, PostingKind.ACCRUAL).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// when
		JobExecution payment = run(payroll, PostingKind.PAYMENT);

		// then the bank is credited with what Gusto debited, and net pay payable keeps
		// exactly the paper checks
		assertThat(payment.getStatus()).as(payment.getExitStatus().getExitDescription())
			.isEqualTo(BatchStatus.COMPLETED);
		Map<String, BigDecimal> ledger = balances(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"),
				PayrollReferences.reference(payroll, PostingKind.PAYMENT, "10"));
		assertThat(account(ledger, "1930")).isEqualByComparingTo(Amounts.cents(read.totals().companyDebit()).negate());
		assertThat(account(ledger, "2910")).isEqualByComparingTo(paperChecks.negate());
		assertThat(account(ledger, "2710")).isZero();
	}

	@Test
	void aFailedPostingRestartedBeforeAnythingReachedIfsIsPlannedAgainAndSaysSo() throws Exception {
		// given an accrual whose write failed before IFS took anything
		String payroll = this.sandbox.processPayroll();
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "STATUS", "status", 400, "count", 1, "path", "$batch"));
		JobExecution failed = run(payroll, PostingKind.ACCRUAL);
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

		// when it is restarted
		JobExecution restarted = run(payroll, PostingKind.ACCRUAL);

		// then it planned again (IFS refused the change set outright, so nothing had
		// reached
		// it), said so, and posted one voucher
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'payroll.posting.replanned' AND subject = ?")
			.param(PostingParameters.subject(key(payroll, PostingKind.ACCRUAL)))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
		assertThat(count(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))).isEqualTo(1);
		assertThat(this.postings.status(key(payroll, PostingKind.ACCRUAL))).hasValue("POSTED");
	}

	@Test
	void aProjectIfsDoesNotHaveIsReportedBeforeAnythingIsPosted() {
		var tenant = this.tenants.find(TENANT).orElseThrow();
		IfsVouchers writer = new IfsVouchers(this.ifs.forTenant(tenant), tenant.mapping());
		VoucherDraft draft = new VoucherDraft("10", "M", java.time.LocalDate.of(2026, 11, 27),
				"GUSTO:00000000-0000-0000-0000-00000000000p:ACCRUAL:10", "Payroll 2026-11-27 accrual",
				List.of(new VoucherDraft.Row("7010", "CC-100", "P-404", null, new BigDecimal("100.00"), Amounts.ZERO),
						new VoucherDraft.Row("2910", "CC-100", "P-100", null, Amounts.ZERO, new BigDecimal("100.00"))));
		assertThat(writer.missingCodes(List.of(draft))).containsExactly("project P-404 (CodeC) does not exist in IFS "
				+ "company 10: create it in IFS or fix mapping.job-by-title and the allocation rules");
	}

	private PlannedVoucherWriter writer(PostingKey key, long execution) {
		var tenant = this.tenants.find(TENANT).orElseThrow();
		return new PlannedVoucherWriter(key, execution, new IfsVouchers(this.ifs.forTenant(tenant), tenant.mapping()),
				this.postings, this.audit, this.json);
	}

	/**
	 * The balance (debit minus credit) per {@code account/cost center} over the vouchers
	 * IFS holds with these references.
	 */
	private Map<String, BigDecimal> balances(String... references) {
		Map<String, BigDecimal> balances = new TreeMap<>();
		for (String reference : references) {
			JsonNode found = this.sandbox.ifsVouchers(reference);
			assertThat(found.path("count").asInt()).as(reference).isEqualTo(1);
			for (JsonNode row : found.path("vouchers").get(0).path("VoucherRowArray")) {
				assertThat(row.path("CurrencyCode").asString()).as(reference).isEqualTo("USD");
				BigDecimal debit = row.path("CurrencyDebetAmount").isNumber()
						? row.path("CurrencyDebetAmount").decimalValue() : BigDecimal.ZERO;
				BigDecimal credit = row.path("CurrencyCreditAmount").isNumber()
						? row.path("CurrencyCreditAmount").decimalValue() : BigDecimal.ZERO;
				balances.merge(row.path("Account").asString() + "/" + row.path("CodeB").asString(""),
						Amounts.cents(debit.subtract(credit)), BigDecimal::add);
			}
		}
		return balances;
	}

	/**
	 * The balance of one account over all its cost centers.
	 */
	private static BigDecimal account(Map<String, BigDecimal> balances, String account) {
		return balances.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(account + "/"))
			.map(Map.Entry::getValue)
			.reduce(Amounts.ZERO, BigDecimal::add);
	}

	private int count(String reference) {
		return this.sandbox.ifsVouchers(reference).path("count").asInt();
	}

	private String note(String payroll, PostingKind kind) {
		return this.jdbc
			.sql("SELECT note FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = ? "
					+ "AND dry_run = FALSE")
			.params(TENANT, payroll, kind.name())
			.query(String.class)
			.single();
	}

	private static PostingKey key(String payroll, PostingKind kind) {
		return new PostingKey(TENANT, payroll, kind, false);
	}

	private JobExecution run(String payroll, PostingKind kind) throws Exception {
		return new PostingJobs(this.launcher, this.jdbc, this.jobRepository).run(this.payrollPostingJob,
				PostingParameters.parameters(key(payroll, kind)));
	}

	private JobExecution runOrCompleted(String payroll, PostingKind kind) throws Exception {
		try {
			return run(payroll, kind);
		}
		catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException ex) {
			return null;
		}
	}

}
