package io.mlconnector.payroll;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.ifs.IfsException;
import io.mlconnector.inbox.InboxEvent;
import io.mlconnector.inbox.InboxSource;
import io.mlconnector.inbox.JobLaunchingRoute;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code payrollPostingJob}: one payroll, one kind (ACCRUAL, REVERSAL), one tenant. The
 * identifying parameters are those business keys plus {@code dryRun}, so a completed
 * posting never runs again and a failed one restarts where it stopped.
 * <ol>
 * <li>{@value #PLAN_STEP}: reads the payroll and the employees from Gusto, computes the
 * vouchers (or, for a reversal, swaps the posted ones), checks every account and cost
 * center in IFS, and records the planned vouchers. Nothing is posted when anything is
 * wrong: the posting is FAILED with every problem.</li>
 * <li>{@value #WRITE_STEP}: posts the planned vouchers one per chunk, each looked up by
 * its reference first, header and rows in one {@code $batch}; a crash between IFS and our
 * commit finds the voucher on restart instead of posting it twice.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class PayrollPostingJobConfiguration {

	static final String JOB = "payrollPostingJob";

	static final String PLAN_STEP = "payrollPostingPlanStep";

	static final String WRITE_STEP = "payrollPostingWriteStep";

	static final String TENANT = PostingParameters.TENANT;

	static final String PAYROLL = PostingParameters.PAYROLL;

	static final String KIND = PostingParameters.KIND;

	static final String DRY_RUN = PostingParameters.DRY_RUN;

	private static final String ACTOR = PayrollPlanTasklet.ACTOR;

	@Bean
	PayrollPostings payrollPostings(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		return new PayrollPostings(jdbc, transactions, json, clock);
	}

	@Bean
	Job payrollPostingJob(JobRepository jobRepository, Step payrollPostingPlanStep, Step payrollPostingWriteStep,
			Tenants tenants, PayrollPostings postings, AuditTrail audit) {
		return new JobBuilder(JOB, jobRepository).validator(new PostingParametersValidator(tenants))
			.listener(new PostingOutcome(postings, audit))
			.start(payrollPostingPlanStep)
			.next(payrollPostingWriteStep)
			.build();
	}

	@Bean
	Step payrollPostingPlanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tenants tenants, GustoClient gusto, IfsClients ifs, PayrollPostings postings, AuditTrail audit,
			ObjectProvider<AsyncJobLauncher> launcher, @Qualifier(JOB) ObjectProvider<Job> payrollPostingJob,
			TransactionTemplate transactions, JsonMapper json) {
		// launcher and job are looked up when a reversal launches the accrual of its
		// reversal payroll: the launcher's job registry is filled with the jobs as it is
		// created, so a job may not depend on it
		// the tasklet runs again on every restart: it keeps the plan once a voucher left
		// for IFS and plans afresh when none did
		return new StepBuilder(PLAN_STEP, jobRepository)
			.tasklet(new PayrollPlanTasklet(tenants, gusto, ifs, postings, audit, launcher, payrollPostingJob,
					transactions, transactionManager, json), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step payrollPostingWriteStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PlannedVoucherReader plannedVoucherReader, PlannedVoucherWriter ifsVoucherItemWriter) {
		return new StepBuilder(WRITE_STEP,
				jobRepository).<PayrollPostings.PlannedVoucher, PayrollPostings.PlannedVoucher>chunk(1)
			.transactionManager(transactionManager)
			.reader(plannedVoucherReader)
			.writer(ifsVoucherItemWriter)
			.build();
	}

	@Bean
	@StepScope
	PlannedVoucherReader plannedVoucherReader(PayrollPostings postings,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
		return new PlannedVoucherReader(postings, key(parameters));
	}

	@Bean
	@StepScope
	PlannedVoucherWriter ifsVoucherItemWriter(Tenants tenants, IfsClients ifs, PayrollPostings postings,
			AuditTrail audit, JsonMapper json, @Value("#{stepExecution}") StepExecution stepExecution) {
		PostingKey key = key(stepExecution.getJobParameters());
		Tenant tenant = tenants.find(key.tenant()).orElseThrow();
		return new PlannedVoucherWriter(key, stepExecution.getJobExecutionId(),
				new IfsVoucherWriter(ifs.forTenant(tenant), tenant.mapping(),
						tenant.properties().currency().getCurrencyCode()),
				postings, audit, json);
	}

	@Bean
	PayrollEventRoute payrollProcessedRoute(Job payrollPostingJob, AsyncJobLauncher launcher, Tenants tenants) {
		return new PayrollEventRoute(new JobLaunchingRoute(InboxSource.GUSTO, Set.of("payroll.processed"), false,
				payrollPostingJob, (event) -> parameters(event, PostingKind.ACCRUAL), launcher), tenants,
				(tenant) -> true, null);
	}

	@Bean
	PayrollEventRoute payrollReversedRoute(Job payrollPostingJob, AsyncJobLauncher launcher, Tenants tenants) {
		return new PayrollEventRoute(
				new JobLaunchingRoute(InboxSource.GUSTO,
						Set.of("payroll.reversed", "payroll.partially_reversed", "payroll.cancelled"), true,
						payrollPostingJob, (event) -> parameters(event, PostingKind.REVERSAL), launcher),
				tenants, (tenant) -> true, null);
	}

	@Bean
	PayrollEventRoute payrollPaidRoute(Job payrollPostingJob, AsyncJobLauncher launcher, Tenants tenants) {
		// Gusto's demo environment never fires payroll.paid; tenants opt in with
		// gusto.post-payments
		return new PayrollEventRoute(
				new JobLaunchingRoute(InboxSource.GUSTO, Set.of("payroll.paid"), false, payrollPostingJob,
						(event) -> parameters(event, PostingKind.PAYMENT), launcher),
				tenants, (tenant) -> tenant.gusto().orElseThrow().postPayments(),
				"gusto.post-payments is off for this tenant; payments are not posted");
	}

	private static JobParameters parameters(InboxEvent event, PostingKind kind) {
		return PostingParameters.parameters(new PostingKey(event.tenant(), event.entityId(), kind, false));
	}

	static PostingKey key(JobParameters parameters) {
		return PostingParameters.key(parameters);
	}

	static String subject(PostingKey key) {
		return PostingParameters.subject(key);
	}

	/**
	 * Reads the vouchers of the posting that are still PLANNED, fresh from the posting
	 * records: on a first run and on a restart alike, what is PLANNED is what is left. A
	 * dry run posts nothing.
	 */
	// not final: step-scoped beans are class-based proxies
	static class PlannedVoucherReader implements ItemReader<PayrollPostings.PlannedVoucher> {

		private final Iterator<PayrollPostings.PlannedVoucher> vouchers;

		PlannedVoucherReader(PayrollPostings postings, PostingKey key) {
			this.vouchers = key.dryRun() ? Collections.emptyIterator() : postings.unposted(key).iterator();
		}

		@Override
		public PayrollPostings.PlannedVoucher read() {
			return this.vouchers.hasNext() ? this.vouchers.next() : null;
		}

	}

	/**
	 * Posts each planned voucher to IFS (unless IFS has it already) and records its keys
	 * in the same chunk transaction. Before IFS is called the voucher is claimed for this
	 * execution in a transaction of its own, so two executions of one posting (an
	 * operator restart and the sweep on two nodes) never both create it.
	 */
	static class PlannedVoucherWriter implements ItemWriter<PayrollPostings.PlannedVoucher> {

		private final PostingKey key;

		private final long executionId;

		private final IfsVoucherWriter writer;

		private final PayrollPostings postings;

		private final AuditTrail audit;

		private final JsonMapper json;

		PlannedVoucherWriter(PostingKey key, long executionId, IfsVoucherWriter writer, PayrollPostings postings,
				AuditTrail audit, JsonMapper json) {
			this.key = key;
			this.executionId = executionId;
			this.writer = writer;
			this.postings = postings;
			this.audit = audit;
			this.json = json;
		}

		@Override
		public void write(Chunk<? extends PayrollPostings.PlannedVoucher> chunk) {
			for (PayrollPostings.PlannedVoucher planned : chunk) {
				PayrollPostings.Claim claim = this.postings.claim(planned.id(), this.key, this.executionId);
				if (claim instanceof PayrollPostings.Claim.Busy busy) {
					throw new VoucherBusyException("voucher " + planned.draft().reference()
							+ " is being sent to IFS by job execution " + busy.executionId()
							+ "; this execution stops so that IFS gets it once (restart it after that one ended)");
				}
				if (claim instanceof PayrollPostings.Claim.Withdrawn) {
					this.audit.record(this.key.tenant(), ACTOR, "payroll.voucher.withdrawn", subject(this.key),
							AuditOutcome.SUCCESS, Map.of("company", planned.draft().company(), "reference",
									planned.draft().reference(), "reason", "Gusto cancelled the payroll"));
					continue;
				}
				if (claim instanceof PayrollPostings.Claim.AlreadyPosted) {
					continue;
				}
				Map<String, Object> keys;
				try {
					keys = this.writer.post(planned.draft());
				}
				catch (IfsException ex) {
					if (refusedOutright(ex)) {
						// a refused change set created nothing: the voucher is free to be
						// planned again once the cause is fixed
						this.postings.releaseClaim(planned.id(), this.executionId);
					}
					throw ex;
				}
				this.postings.voucherPosted(planned.id(), this.executionId, this.json.writeValueAsString(keys));
				this.audit.record(this.key.tenant(), ACTOR, "payroll.voucher.posted", subject(this.key),
						AuditOutcome.SUCCESS,
						Map.of("company", planned.draft().company(), "reference", planned.draft().reference(), "ifs",
								keys, "debit", planned.draft().debitTotal(), "credit", planned.draft().creditTotal(),
								"rows", planned.draft().rows().size()));
			}
		}

	}

	/**
	 * Whether IFS refused a request outright (a 4xx other than a timeout or a rate
	 * limit): an atomic change set it refuses creates nothing.
	 */
	static boolean refusedOutright(IfsException ex) {
		return ex.status() >= 400 && ex.status() < 500 && ex.status() != 408 && ex.status() != 429;
	}

	/**
	 * Another execution of the same posting is sending a voucher to IFS.
	 */
	static final class VoucherBusyException extends IllegalStateException {

		VoucherBusyException(String message) {
			super(message);
		}

	}

	/**
	 * Checks the parameters before a job instance is created, so a bad launch is a clear
	 * 400 and never a FAILED instance.
	 */
	static final class PostingParametersValidator implements JobParametersValidator {

		private final Tenants tenants;

		PostingParametersValidator(Tenants tenants) {
			this.tenants = tenants;
		}

		@Override
		public void validate(JobParameters parameters) throws InvalidJobParametersException {
			String tenantId = parameters.getString(TENANT);
			if (tenantId == null || tenantId.isBlank()) {
				throw new InvalidJobParametersException("parameter 'tenant' is required");
			}
			Tenant tenant = this.tenants.find(tenantId)
				.orElseThrow(() -> new InvalidJobParametersException("no tenant '" + tenantId + "' is configured"));
			if (tenant.gusto().isEmpty() || tenant.ifs().isEmpty()) {
				throw new InvalidJobParametersException(
						"tenant '" + tenantId + "' needs both a Gusto and an IFS connection to post payroll");
			}
			String payroll = parameters.getString(PAYROLL);
			if (payroll == null || payroll.isBlank()) {
				throw new InvalidJobParametersException("parameter 'payrollUuid' is required");
			}
			String kind = parameters.getString(KIND);
			if (kind == null || !Set.of("ACCRUAL", "REVERSAL", "PAYMENT").contains(kind)) {
				throw new InvalidJobParametersException(
						"parameter 'kind' must be ACCRUAL, REVERSAL or PAYMENT, was '" + kind + "'");
			}
			String dryRun = parameters.getString(DRY_RUN);
			if (dryRun != null && !Set.of("true", "false").contains(dryRun)) {
				throw new InvalidJobParametersException(
						"parameter 'dryRun' must be true or false, was '" + dryRun + "'");
			}
		}

	}

	/**
	 * Records how a posting ended: POSTED once every voucher is in IFS, FAILED with the
	 * reason otherwise, and an audit event either way.
	 */
	static final class PostingOutcome implements JobExecutionListener {

		private final PayrollPostings postings;

		private final AuditTrail audit;

		PostingOutcome(PayrollPostings postings, AuditTrail audit) {
			this.postings = postings;
			this.audit = audit;
		}

		@Override
		public void afterJob(JobExecution execution) {
			PostingKey key = key(execution.getJobParameters());
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				if (!key.dryRun() && this.postings.completeIfAllPosted(key)) {
					this.audit.record(key.tenant(), ACTOR, "payroll.posting.posted", subject(key), AuditOutcome.SUCCESS,
							Map.of("jobExecutionId", execution.getId()));
				}
				return;
			}
			List<String> problems = new ArrayList<>();
			for (Throwable failure : execution.getAllFailureExceptions()) {
				if (failure instanceof PostingRejectedException rejected) {
					problems.addAll(rejected.problems());
				}
				else {
					problems.add(failure.getClass().getSimpleName() + ": " + failure.getMessage());
				}
			}
			String error = String.join("\n", problems);
			this.postings.failed(key, error, execution.getId());
			this.audit.record(key.tenant(), ACTOR, "payroll.posting.failed", subject(key), AuditOutcome.FAILURE,
					Map.of("jobExecutionId", execution.getId(), "problems", problems));
		}

	}

}
