package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.gusto.GustoClient;
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
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code payrollPostingJob} end to end over loopback: the demo tenant connected to the
 * Gusto sandbox through the real OAuth flow, a payroll processed there, vouchers posted
 * to the IFS sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
class PayrollPostingJobFunctionalTests {

	static final String TENANT = "demo";

	static final String COMPANY = "7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51";

	static final int PORT = LoopbackPorts.free();

	static final java.util.concurrent.atomic.AtomicInteger seeds = new java.util.concurrent.atomic.AtomicInteger(
			(int) (System.nanoTime() % 100_000));

	static final String BASE = "http://localhost:" + PORT;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PostingJobs.properties(registry, PORT);
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
	private Job payrollSweepJob;

	@Autowired
	private GustoClient gusto;

	@Autowired
	private IfsClients ifs;

	@Autowired
	private Tenants tenants;

	@Autowired
	private JsonMapper json;

	private final SandboxHttp sandbox = new SandboxHttp(PORT);

	private final WebClient http = this.sandbox.client();

	@BeforeEach
	void connectGusto() {
		// a company of its own per test (payroll uuids follow from the seed)
		this.sandbox.gustoCompany(40, seeds.incrementAndGet());
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.sandbox.connectGusto();
	}

	@Test
	void aProcessedPayrollBecomesOneBalancedVoucherPerCompanyExactlyOnce() throws Exception {
		// given
		String payroll = this.sandbox.processPayroll();

		// when
		JobExecution execution = run(parameters(payroll, "ACCRUAL", false));

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions())
			.extracting((step) -> step.getStepName(), (step) -> step.getWriteCount())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PayrollPostingJobConfiguration.PLAN_STEP, 0L),
					org.assertj.core.groups.Tuple.tuple(PayrollPostingJobConfiguration.WRITE_STEP, 1L));
		JsonNode vouchers = this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"));
		assertThat(vouchers.path("count").asInt()).isEqualTo(1);
		JsonNode voucher = vouchers.path("vouchers").get(0);
		assertThat(voucher.path("Balanced").asBoolean()).isTrue();
		assertThat(voucher.path("DebitTotal").decimalValue()).isPositive();
		Map<String, Object> posting = this.jdbc
			.sql("SELECT status, total_debit, total_credit, gross_pay, employee_count, ifs_voucher_keys "
					+ "FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL'")
			.params(TENANT, payroll)
			.query()
			.singleRow();
		assertThat(posting.get("status")).isEqualTo("POSTED");
		assertThat((BigDecimal) posting.get("total_debit"))
			.isEqualByComparingTo(voucher.path("DebitTotal").decimalValue());
		assertThat((BigDecimal) posting.get("total_credit"))
			.isEqualByComparingTo((BigDecimal) posting.get("total_debit"));
		assertThat((String) posting.get("ifs_voucher_keys")).contains("\"Company\":\"10\"", "\"VoucherNo\"");

		// and every call to Gusto and IFS was measured
		String metrics = this.http.get()
			.uri(BASE + "/actuator/prometheus")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		assertThat(metrics).contains("http_client_requests_seconds_count{")
			.contains("uri=\"/sandbox/ifs/main/ifsapplications/projection/v1/VoucherHandling.svc/$batch\"")
			.contains("uri=\"/sandbox/gusto/v1/companies/{id}/payrolls/{id}\"")
			.doesNotContain(payroll);

		// and a completed posting never runs again
		assertThatExceptionOfType(JobInstanceAlreadyCompleteException.class)
			.isThrownBy(() -> this.launcher.start(this.payrollPostingJob, parameters(payroll, "ACCRUAL", false)));
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
			.path("count")
			.asInt()).isEqualTo(1);
	}

	@Test
	void aVoucherIfsAcceptedBeforeWeRecordedItIsFoundNotPostedTwice() throws Exception {
		// given a dry run's vouchers, one of which IFS already holds, as if the process
		// died right after IFS accepted it
		String payroll = this.sandbox.processPayroll();
		JobExecution dryRun = run(parameters(payroll, "ACCRUAL", true));
		assertThat(dryRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String preview = this.jdbc
			.sql("SELECT preview FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND dry_run = TRUE")
			.params(TENANT, payroll)
			.query(String.class)
			.single();
		List<VoucherDraft> drafts = List.of(this.json.readValue(preview, VoucherDraft[].class));
		assertThat(drafts).isNotEmpty();
		assertThat(this.sandbox.ifsVouchers(drafts.get(0).reference()).path("count").asInt()).isZero();
		new IfsVouchers(this.ifs.forTenant(TENANT), this.tenants.find(TENANT).orElseThrow().mapping())
			.post(drafts.get(0));

		// when the posting runs
		JobExecution execution = run(parameters(payroll, "ACCRUAL", false));

		// then it completes and IFS still holds one voucher per reference
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		for (VoucherDraft draft : drafts) {
			assertThat(this.sandbox.ifsVouchers(draft.reference()).path("count").asInt()).as(draft.reference())
				.isEqualTo(1);
		}
		assertThat(this.postings.status(new PostingKey(TENANT, payroll, PostingKind.ACCRUAL, false)))
			.hasValue("POSTED");
	}

	@Test
	void aReversalPostsTheAccrualWithSidesSwapped() throws Exception {
		String payroll = this.sandbox.processPayroll();
		assertThat(run(parameters(payroll, "ACCRUAL", false)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// the swap is the booking of a cancellation: Gusto shows the payroll unprocessed
		// again (a reversed payroll is booked by its reversal payroll's own accrual)
		this.sandbox.cancelPayroll(payroll);

		JobExecution reversal = run(parameters(payroll, "REVERSAL", false));

		assertThat(reversal.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode accrual = this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
			.path("vouchers")
			.get(0);
		JsonNode reversed = this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.REVERSAL, "10"))
			.path("vouchers")
			.get(0);
		assertThat(reversed.path("Balanced").asBoolean()).isTrue();
		assertThat(reversed.path("DebitTotal").decimalValue())
			.isEqualByComparingTo(accrual.path("CreditTotal").decimalValue());
		assertThat(reversed.path("VoucherText").asString())
			.isEqualTo("Reversal of " + PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"));
	}

	@Test
	void thePaymentOfAPostedPayrollClearsItsLiabilitiesAgainstTheBank() throws Exception {
		String payroll = this.sandbox.processPayroll();
		assertThat(run(parameters(payroll, "ACCRUAL", false)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		JobExecution payment = run(parameters(payroll, "PAYMENT", false));

		assertThat(payment.getStatus()).as(payment.getExitStatus().getExitDescription())
			.isEqualTo(BatchStatus.COMPLETED);
		JsonNode voucher = this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.PAYMENT, "10"))
			.path("vouchers")
			.get(0);
		assertThat(voucher.path("Balanced").asBoolean()).isTrue();
		BigDecimal companyDebit = this.gusto.payroll(TENANT, payroll)
			.block(Duration.ofSeconds(30))
			.totals()
			.companyDebit();
		assertThat(voucher.path("CreditTotal").decimalValue()).isEqualByComparingTo(companyDebit);
	}

	@Test
	void aReversalOfAPayrollThatWasNeverPostedPostsNothing() throws Exception {
		String payroll = this.sandbox.processPayroll();
		this.sandbox.cancelPayroll(payroll);
		JobExecution reversal = run(parameters(payroll, "REVERSAL", false));
		assertThat(reversal.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.postings.status(new PostingKey(TENANT, payroll, PostingKind.REVERSAL, false)))
			.hasValue("NOTHING_TO_POST");
	}

	@Test
	void aPayrollThatGustoDoesNotKnowFailsThePostingWithTheReason() throws Exception {
		JobExecution execution = run(parameters("00000000-0000-0000-0000-000000000000", "ACCRUAL", false));
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.sql("SELECT status FROM payroll_posting WHERE payroll_uuid = ?")
			.param("00000000-0000-0000-0000-000000000000")
			.query(String.class)
			.single()).isEqualTo("FAILED");
	}

	@Test
	void a429StormAndServerErrorsFromIfsStillPostEveryVoucherOnce() throws Exception {
		String payroll = this.sandbox.processPayroll();
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "STATUS", "status", 429, "count", 3, "retryAfterSeconds", 1));
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "STATUS", "status", 503, "count", 2));
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "MI_MODIFIED_ERROR", "count", 1));
		try {
			JobExecution execution = run(parameters(payroll, "ACCRUAL", false));
			assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}
		finally {
			this.http.delete().uri(BASE + "/sandbox/ifs/_admin/faults").retrieve().toBodilessEntity().block();
		}
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
			.path("count")
			.asInt()).isEqualTo(1);
	}

	@Test
	void theSweepLaunchesAPostingForEveryProcessedPayrollThatIsNotPostedYet() throws Exception {
		// given processed payrolls in Gusto (the company's history and a new one), one of
		// them posted, the others missed (no webhook)
		String posted = this.sandbox.processPayroll();
		String missed = this.sandbox.processPayroll();
		assertThat(run(parameters(posted, "ACCRUAL", false)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		java.time.LocalDate checkDate = this.gusto.payroll(TENANT, missed).block(Duration.ofSeconds(30)).checkDate();
		java.time.LocalDate from = checkDate.minusDays(60);
		java.time.LocalDate to = checkDate.plusDays(30);
		// the sweep's window is one of check dates; Gusto's list filters by pay period
		List<String> processed = this.gusto.payrolls(TENANT, from.minusDays(45), to)
			.filter(io.mlconnector.gusto.GustoPayroll::isProcessed)
			.filter((payroll) -> !payroll.checkDate().isBefore(from) && !payroll.checkDate().isAfter(to))
			.map(io.mlconnector.gusto.GustoPayroll::id)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(processed).contains(posted, missed);

		// when the sweep runs over their check dates
		JobExecution sweep = run(new JobParametersBuilder().addString("tenant", TENANT)
			.addString("from", from.toString())
			.addString("to", to.toString())
			.toJobParameters(), this.payrollSweepJob);

		// then it launched a posting for each payroll but the posted one
		assertThat(sweep.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(sweep.getStepExecutions().iterator().next().getExitStatus().getExitDescription())
			.isEqualTo(processed.size() + " processed payroll(s) from " + from + " to " + to + ": 1 posted, "
					+ (processed.size() - 1) + " posting(s) launched");
		await().atMost(Duration.ofSeconds(90))
			.until(() -> processed.stream()
				.allMatch((payroll) -> this.postings.status(new PostingKey(TENANT, payroll, PostingKind.ACCRUAL, false))
					.filter((status) -> List.of("POSTED", "FAILED").contains(status))
					.isPresent()));
		assertThat(this.postings.status(new PostingKey(TENANT, missed, PostingKind.ACCRUAL, false))).hasValue("POSTED");
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(missed, PostingKind.ACCRUAL, "10"))
			.path("count")
			.asInt()).isEqualTo(1);
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(posted, PostingKind.ACCRUAL, "10"))
			.path("count")
			.asInt()).isEqualTo(1);
	}

	@Test
	void theSweepRetriesAPaymentThatFailedBecauseItsAccrualWasNotPostedYet() throws Exception {
		// given a payment handled before its payroll's accrual (payroll.paid overtaking
		// payroll.processed): it fails and waits
		String payroll = this.sandbox.processPayroll();
		assertThat(run(parameters(payroll, "PAYMENT", false)).getStatus()).isEqualTo(BatchStatus.FAILED);
		PostingKey payment = new PostingKey(TENANT, payroll, PostingKind.PAYMENT, false);
		assertThat(this.postings.status(payment)).hasValue("FAILED");
		assertThat(run(parameters(payroll, "ACCRUAL", false)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		java.time.LocalDate checkDate = this.gusto.payroll(TENANT, payroll).block(Duration.ofSeconds(30)).checkDate();

		// when the sweep runs over the payroll's check date
		JobExecution sweep = run(new JobParametersBuilder().addString("tenant", TENANT)
			.addString("from", checkDate.toString())
			.addString("to", checkDate.toString())
			.toJobParameters(), this.payrollSweepJob);

		// then it restarted the failed payment, which now clears the posted accrual once
		assertThat(sweep.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(sweep.getStepExecutions().iterator().next().getExitStatus().getExitDescription())
			.endsWith(", 1 failed payment or reversal posting(s) retried");
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.postings.status(payment).filter((status) -> !"FAILED".equals(status)).isPresent()
					&& !"POSTING".equals(this.postings.status(payment).orElseThrow()));
		assertThat(this.postings.status(payment)).hasValue("POSTED");
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.PAYMENT, "10"))
			.path("count")
			.asInt()).isEqualTo(1);
	}

	@Test
	void aDryRunComputesTheVouchersWithoutPostingAndLeavesTheRealPostingFree() throws Exception {
		String payroll = this.sandbox.processPayroll();
		assertThat(run(parameters(payroll, "ACCRUAL", true)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.postings.status(new PostingKey(TENANT, payroll, PostingKind.ACCRUAL, true)))
			.hasValue("DRY_RUN");
		JsonNode listed = this.http.get()
			.uri(BASE + "/api/v1/postings?tenant={t}&payroll={p}", TENANT, payroll)
			.header("Authorization",
					"Bearer " + io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		assertThat(listed.get(0).path("dryRun").asBoolean()).isTrue();
		assertThat(listed.get(0).path("preview").get(0).path("company").asString()).isEqualTo("10");
		assertThat(listed.get(0).path("preview").get(0).path("rows").size()).isPositive();
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
			.path("count")
			.asInt()).isZero();
		assertThat(run(parameters(payroll, "ACCRUAL", false)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.sandbox.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
			.path("count")
			.asInt()).isEqualTo(1);
	}

	private JobParameters parameters(String payroll, String kind, boolean dryRun) {
		return new JobParametersBuilder().addString("tenant", TENANT)
			.addString("payrollUuid", payroll)
			.addString("kind", kind)
			.addString("dryRun", String.valueOf(dryRun))
			.toJobParameters();
	}

	private JobExecution run(JobParameters parameters) throws Exception {
		return run(parameters, this.payrollPostingJob);
	}

	private JobExecution run(JobParameters parameters, Job job) throws Exception {
		return new PostingJobs(this.launcher, this.jdbc, this.jobRepository).run(job, parameters);
	}

}
