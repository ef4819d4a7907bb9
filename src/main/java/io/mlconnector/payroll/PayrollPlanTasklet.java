package io.mlconnector.payroll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mlconnector.allocation.Allocator;
import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.allocation.EmployeeProfiles;
import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.gusto.GustoPayroll;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.tenant.PayrollMapping;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan step of {@code payrollPostingJob}: decides what one posting books, before
 * anything is sent to IFS. The postings of one payroll form a small state machine, so
 * that any arrival order of Gusto's events ends in the same ledger:
 * <ul>
 * <li>ACCRUAL: the payroll's vouchers, for any processed payroll, Gusto's reversal
 * payrolls ({@code off_cycle_reason: Reversal}, negated amounts) included: that is how a
 * reversal or partial reversal is booked, exactly as far as Gusto reversed. Nothing is
 * posted once Gusto cancelled the payroll.</li>
 * <li>PAYMENT: clears the posted accrual's liabilities against the bank; refused until
 * the accrual is POSTED (the inbox retries it), nothing once the payroll is
 * cancelled.</li>
 * <li>REVERSAL: on {@code payroll.reversed} and {@code payroll.partially_reversed}
 * nothing is swapped (the reversal payrolls' own accruals book it; their postings are
 * launched if they are not posted yet). On {@code payroll.cancelled} (Gusto shows the
 * payroll unprocessed again) the payroll is marked cancelled under its lock, accrual and
 * payment vouchers that never left are withdrawn, and what reached IFS is swapped, one
 * voucher per company.</li>
 * </ul>
 * A restart keeps the plan when any voucher of the posting left for IFS; when none did,
 * it plans afresh with the current mapping and payroll (and says so in the audit), so
 * fixing a mapping and restarting is enough.
 */
class PayrollPlanTasklet implements Tasklet {

	static final String ACTOR = "payrollPostingJob";

	private static final Logger logger = LoggerFactory.getLogger(PayrollPlanTasklet.class);

	private static final Duration GUSTO_TIMEOUT = Duration.ofMinutes(10);

	private final Tenants tenants;

	private final GustoClient gusto;

	private final IfsClients ifs;

	private final PayrollPostings postings;

	private final AuditTrail audit;

	private final ObjectProvider<AsyncJobLauncher> launcher;

	private final ObjectProvider<Job> postingJob;

	private final TransactionTemplate transactions;

	private final TransactionTemplate outsideTransaction;

	private final CancellationSwap cancellation;

	PayrollPlanTasklet(Tenants tenants, GustoClient gusto, IfsClients ifs, PayrollPostings postings, AuditTrail audit,
			ObjectProvider<AsyncJobLauncher> launcher, ObjectProvider<Job> postingJob, TransactionTemplate transactions,
			PlatformTransactionManager stepTransactions, JsonMapper json) {
		this.tenants = tenants;
		this.gusto = gusto;
		this.ifs = ifs;
		this.postings = postings;
		this.audit = audit;
		this.launcher = launcher;
		this.postingJob = postingJob;
		this.transactions = transactions;
		this.cancellation = new CancellationSwap(postings, transactions, json);
		// a job is launched outside the step's transaction: the job repository refuses to
		// create an execution inside one
		this.outsideTransaction = new TransactionTemplate(stepTransactions);
		this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		JobExecution execution = context.getStepContext().getStepExecution().getJobExecution();
		PostingKey key = PostingParameters.key(execution.getJobParameters());
		Tenant tenant = this.tenants.find(key.tenant()).orElseThrow();
		boolean replan = false;
		if (!key.dryRun() && this.postings.planned(key)) {
			List<PayrollPostings.VoucherRecord> vouchers = this.postings.vouchers(key.tenant(), key.payrollUuid(),
					key.kind());
			if (vouchers.stream().anyMatch((voucher) -> voucher.status() != PayrollPostings.VoucherStatus.PLANNED)) {
				// a restart after vouchers left for IFS: the plan stands, the write step
				// posts what is left
				return RepeatStatus.FINISHED;
			}
			replan = true;
		}
		switch (key.kind()) {
			case ACCRUAL -> planAccrual(key, tenant, execution, replan);
			case PAYMENT -> planPayment(key, tenant, execution, replan);
			case REVERSAL -> planReversal(key, tenant, execution, replan);
		}
		return RepeatStatus.FINISHED;
	}

	private void planAccrual(PostingKey key, Tenant tenant, JobExecution execution, boolean replan) {
		if (cancelledBeforePosting(key, execution)) {
			return;
		}
		Payroll payroll = read(key, tenant);
		VoucherPlan.Ready plan = new AccrualVoucherBuilder(tenant.mapping(), company(tenant))
			.build(payroll.processed(), payroll.profiles())
			.orReject();
		record(key, tenant, execution, payroll.processed(), plan.vouchers(), plan.warnings(), replan);
	}

	private void planPayment(PostingKey key, Tenant tenant, JobExecution execution, boolean replan) {
		if (cancelledBeforePosting(key, execution)) {
			return;
		}
		Payroll payroll = read(key, tenant);
		VoucherPlan.Ready plan = payment(key, tenant, company(tenant), payroll.processed(), payroll.profiles())
			.orReject();
		record(key, tenant, execution, payroll.processed(), plan.vouchers(), plan.warnings(), replan);
	}

	/**
	 * Whether Gusto cancelled the payroll before this accrual or payment was posted; if
	 * so, the posting is recorded as CANCELLED with nothing to post.
	 */
	private boolean cancelledBeforePosting(PostingKey key, JobExecution execution) {
		if (key.dryRun() || !this.postings.cancelled(key.tenant(), key.payrollUuid())) {
			return false;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.postings.dropPlan(key);
			this.postings.nothingToPost(key, null, "CANCELLED", "Gusto cancelled payroll " + key.payrollUuid()
					+ " before its " + key.kind() + " was posted; nothing is posted", execution.getId());
		});
		this.audit.record(key.tenant(), ACTOR, "payroll.posting.cancelled", PostingParameters.subject(key),
				AuditOutcome.SUCCESS, Map.of("jobExecutionId", execution.getId()));
		return true;
	}

	/**
	 * The processed payroll and the profiles of the company's employees, located as the
	 * tenant's mapping says.
	 */
	private Payroll read(PostingKey key, Tenant tenant) {
		GustoPayroll read = this.gusto.payroll(key.tenant(), key.payrollUuid()).block(GUSTO_TIMEOUT);
		ProcessedPayroll payroll = processed(key, read);
		List<GustoEmployee> employees = this.gusto.employees(key.tenant()).collectList().block(GUSTO_TIMEOUT);
		Map<String, EmployeeProfile> profiles = EmployeeProfiles.from(employees);
		if (tenant.mapping().payroll().workLocationAsOf() == PayrollMapping.WorkLocationAsOf.PAY_PERIOD) {
			profiles = locatedOn(key.tenant(), payroll, profiles);
		}
		return new Payroll(payroll, profiles);
	}

	private static String company(Tenant tenant) {
		return tenant.ifs().orElseThrow().company();
	}

	private record Payroll(ProcessedPayroll processed, Map<String, EmployeeProfile> profiles) {

	}

	/**
	 * The profiles of the payroll's employees with the work location in effect on the
	 * last day of the pay period, from Gusto's dated work addresses (one request per
	 * employee, at most four at a time within the tenant's rate budget).
	 */
	private Map<String, EmployeeProfile> locatedOn(String tenant, ProcessedPayroll payroll,
			Map<String, EmployeeProfile> profiles) {
		Map<String, EmployeeProfile> located = new LinkedHashMap<>(profiles);
		Flux.fromIterable(payroll.employees())
			.map(ProcessedPayroll.EmployeePay::employeeUuid)
			.filter(profiles::containsKey)
			.flatMap((employee) -> this.gusto.workAddresses(tenant, employee)
				.collectList()
				.map((addresses) -> Map.entry(employee, addresses)), 4)
			.doOnNext((entry) -> EmployeeProfiles.locationOn(entry.getValue(), payroll.periodEnd())
				.ifPresent((location) -> located.computeIfPresent(entry.getKey(),
						(uuid, profile) -> profile.locatedAt(location))))
			.blockLast(GUSTO_TIMEOUT);
		return located;
	}

	private VoucherPlan payment(PostingKey key, Tenant tenant, String company, ProcessedPayroll payroll,
			Map<String, EmployeeProfile> profiles) {
		PostingKey accrual = new PostingKey(key.tenant(), key.payrollUuid(), PostingKind.ACCRUAL, false);
		if (this.postings.status(accrual).filter("POSTED"::equals).isEmpty()) {
			throw new PostingRejectedException(List.of("the accrual of payroll " + key.payrollUuid()
					+ " is not POSTED yet (" + this.postings.status(accrual).orElse("not planned")
					+ "); the payment posts after it and is retried"));
		}
		List<ProcessedPayroll.EmployeePay> byCheck = payroll.employees()
			.stream()
			.filter(ProcessedPayroll.EmployeePay::paidByCheck)
			.toList();
		List<VoucherDraft> checkAccrual = List.of();
		if (!byCheck.isEmpty()) {
			ProcessedPayroll checks = new ProcessedPayroll(payroll.payrollUuid(), payroll.checkDate(),
					payroll.periodEnd(), payroll.offCycle(), payroll.offCycleReason(), byCheck, List.of(), null);
			checkAccrual = new AccrualVoucherBuilder(tenant.mapping(), company).build(checks, profiles)
				.orReject()
				.vouchers();
		}
		return new PaymentVoucherBuilder(tenant.mapping()).build(key.payrollUuid(), payroll.checkDate(),
				this.postings.posted(key.tenant(), key.payrollUuid(), PostingKind.ACCRUAL), payroll.totals(),
				checkAccrual, PaymentVoucherBuilder.childSupportWithheld(payroll, profiles,
						new Allocator(tenant.mapping().allocation(), company)));
	}

	private void planReversal(PostingKey key, Tenant tenant, JobExecution execution, boolean replan) {
		GustoPayroll read = this.gusto.payroll(key.tenant(), key.payrollUuid()).block(GUSTO_TIMEOUT);
		if (read != null && read.isProcessed()) {
			if (read.reversalPayrollUuids().isEmpty()) {
				throw new PostingRejectedException(List.of("Gusto still shows payroll " + key.payrollUuid()
						+ " processed and lists no reversal payroll for it; nothing is reversed until Gusto shows it "
						+ "cancelled or lists its reversal payroll (the posting is retried)"));
			}
			List<String> launched = launchReversalAccruals(key.tenant(), read.reversalPayrollUuids());
			String reason = "Gusto reversed payroll " + key.payrollUuid() + " with reversal payroll(s) "
					+ String.join(", ", read.reversalPayrollUuids())
					+ ": their own ACCRUAL postings book the reversal, exactly as far as Gusto reversed"
					+ (launched.isEmpty() ? "" : " (launched for " + String.join(", ", launched) + ")")
					+ "; the original's vouchers stay as posted";
			if (!key.dryRun()) {
				this.transactions.executeWithoutResult((status) -> {
					this.postings.dropPlan(key);
					this.postings.nothingToPost(key, null, "NOTHING_TO_POST", reason, execution.getId());
				});
			}
			this.audit.record(key.tenant(), ACTOR, "payroll.posting.planned", PostingParameters.subject(key),
					AuditOutcome.SUCCESS, Map.of("dryRun", key.dryRun(), "reversalPayrolls",
							read.reversalPayrollUuids(), "vouchers", List.of(), "note", reason));
			return;
		}
		// cancelled: Gusto shows the payroll unprocessed again
		IfsVouchers ifsVouchers = new IfsVouchers(this.ifs.forTenant(tenant), tenant.mapping());
		List<VoucherDraft> swapped = this.cancellation.swap(key, ifsVouchers, execution.getId());
		record(key, tenant, execution, null, swapped, List.of(), replan);
	}

	private List<String> launchReversalAccruals(String tenant, List<String> reversalPayrolls) {
		List<String> launched = new ArrayList<>();
		for (String reversal : reversalPayrolls) {
			PostingKey accrual = new PostingKey(tenant, reversal, PostingKind.ACCRUAL, false);
			if (this.postings.status(accrual)
				.filter((status) -> List.of("POSTED", "POSTING").contains(status))
				.isPresent()) {
				continue;
			}
			boolean started = Boolean.TRUE.equals(this.outsideTransaction.execute((status) -> {
				try {
					this.launcher.getObject().start(this.postingJob.getObject(), PostingParameters.parameters(accrual));
					return true;
				}
				catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException ex) {
					return false;
				}
				catch (Exception ex) {
					logger.info("Accrual of reversal payroll {} not launched: {}", reversal, ex.getMessage());
					return false;
				}
			}));
			if (started) {
				launched.add(reversal);
			}
		}
		return launched;
	}

	private void record(PostingKey key, Tenant tenant, JobExecution execution, ProcessedPayroll payroll,
			List<VoucherDraft> vouchers, List<String> warnings, boolean replan) {
		IfsVouchers ifsVouchers = new IfsVouchers(this.ifs.forTenant(tenant), tenant.mapping());
		List<String> missing = ifsVouchers.missingCodes(vouchers);
		if (!missing.isEmpty()) {
			throw new PostingRejectedException(missing);
		}
		this.transactions.executeWithoutResult((status) -> {
			if (replan) {
				this.postings.dropPlan(key);
			}
			this.postings.plan(key, payroll, vouchers, execution.getId());
			this.postings.note(key, warnings.isEmpty() ? null : "warnings: " + String.join("; ", warnings));
		});
		if (replan) {
			this.audit.record(key.tenant(), ACTOR, "payroll.posting.replanned", PostingParameters.subject(key),
					AuditOutcome.SUCCESS,
					Map.of("jobExecutionId", execution.getId(), "reason",
							"restarted before any voucher reached IFS: planned again with the current mapping and "
									+ "payroll"));
		}
		Map<String, Object> detail = preview(key, payroll, vouchers);
		if (!warnings.isEmpty()) {
			detail.put("warnings", warnings);
		}
		this.audit.record(key.tenant(), ACTOR, "payroll.posting.planned", PostingParameters.subject(key),
				AuditOutcome.SUCCESS, detail);
	}

	static ProcessedPayroll processed(PostingKey key, GustoPayroll payroll) {
		if (payroll == null || !payroll.isProcessed()) {
			throw new PostingRejectedException(List.of("payroll " + key.payrollUuid()
					+ " is not processed in Gusto (not yet processed, or cancelled); only processed payrolls are posted"));
		}
		if (payroll.totals() == null) {
			throw new PostingRejectedException(List.of("Gusto returned payroll " + key.payrollUuid()
					+ " without its totals, so the vouchers cannot be checked against them; nothing is posted"));
		}
		return GustoPayrollMapping.payroll(payroll);
	}

	private static Map<String, Object> preview(PostingKey key, ProcessedPayroll payroll, List<VoucherDraft> vouchers) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("dryRun", key.dryRun());
		if (payroll != null) {
			detail.put("employees", payroll.employees().size());
			detail.put("checkDate", payroll.checkDate().toString());
		}
		List<Map<String, Object>> perCompany = new ArrayList<>();
		for (VoucherDraft voucher : vouchers) {
			perCompany.add(Map.of("company", voucher.company(), "reference", voucher.reference(), "rows",
					voucher.rows().size(), "debit", voucher.debitTotal(), "credit", voucher.creditTotal()));
		}
		detail.put("vouchers", perCompany);
		return detail;
	}

}
