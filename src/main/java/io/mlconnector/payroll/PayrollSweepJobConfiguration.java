package io.mlconnector.payroll;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoPayroll;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code payrollSweepJob}: for one tenant and a window of check dates, launches a posting
 * for every processed payroll that is not POSTED yet, so a missed webhook never means a
 * missing voucher. Identified by (tenant, from, to); the schedule sweeps the last
 * {@code mlc.payroll.sweep.days} (31) days once a day, on one instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayrollSweepProperties.class)
class PayrollSweepJobConfiguration {

	static final String JOB = "payrollSweepJob";

	static final String STEP = "payrollSweepStep";

	/**
	 * The tenant swept, the same parameter as the postings' ({@link PostingParameters}).
	 */
	static final String TENANT = PostingParameters.TENANT;

	/** The first check date of the window (ISO date). */
	static final String FROM = "from";

	/** The last check date of the window (ISO date). */
	static final String TO = "to";

	private static final Logger logger = LoggerFactory.getLogger(PayrollSweepJobConfiguration.class);

	private static final Duration GUSTO_TIMEOUT = Duration.ofMinutes(5);

	/** How far before the window a pay period may start whose check date is in it. */
	private static final int PAY_PERIOD_MARGIN_DAYS = 45;

	/** Postings the sweep leaves alone: done, or done with nothing to post. */
	private static final java.util.Set<String> SETTLED = java.util.Set.of("POSTED", "NOTHING_TO_POST", "CANCELLED");

	@Bean
	Job payrollSweepJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tenants tenants,
			GustoClient gusto, PayrollPostings postings, AsyncJobLauncher launcher, Job payrollPostingJob) {
		// a job is launched outside the step's transaction: the job repository refuses to
		// create an execution inside one
		TransactionTemplate outsideTransaction = new TransactionTemplate(transactionManager);
		outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		return new JobBuilder(JOB, jobRepository).validator(new SweepParametersValidator(tenants))
			.start(new StepBuilder(STEP, jobRepository).tasklet((contribution, context) -> {
				JobParameters parameters = context.getStepContext().getStepExecution().getJobParameters();
				String tenant = parameters.getString(TENANT);
				LocalDate from = LocalDate.parse(parameters.getString(FROM));
				LocalDate to = LocalDate.parse(parameters.getString(TO));
				// Gusto filters the list by pay period (date_filter_by=check_date applies
				// to
				// regular payrolls only), so the window is widened by a pay period's
				// worth and filtered by check date here
				List<GustoPayroll> payrolls = gusto.payrolls(tenant, from.minusDays(PAY_PERIOD_MARGIN_DAYS), to)
					.filter(GustoPayroll::isProcessed)
					.filter((payroll) -> payroll.checkDate() != null && !payroll.checkDate().isBefore(from)
							&& !payroll.checkDate().isAfter(to))
					.collectList()
					.block(GUSTO_TIMEOUT);
				int launched = 0;
				int posted = 0;
				List<PostingKey> due = new java.util.ArrayList<>();
				for (GustoPayroll payroll : payrolls) {
					contribution.incrementReadCount();
					PostingKey key = new PostingKey(tenant, payroll.id(), PostingKind.ACCRUAL, false);
					if (postings.status(key).filter(SETTLED::contains).isPresent()) {
						posted++;
						continue;
					}
					due.add(key);
				}
				// payments and reversals that failed (accrual not posted yet, IFS down)
				// are
				// retried too
				due.addAll(postings.failed(tenant, List.of(PostingKind.PAYMENT, PostingKind.REVERSAL)));
				int retried = 0;
				for (PostingKey key : due) {
					boolean started = Boolean.TRUE.equals(outsideTransaction.execute((status) -> {
						try {
							launcher.start(payrollPostingJob, PostingParameters.parameters(key));
							return true;
						}
						catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException ex) {
							// completed (recorded meanwhile) or posting right now
							return false;
						}
						catch (Exception ex) {
							throw new IllegalStateException("could not launch the " + key.kind()
									+ " posting of payroll " + key.payrollUuid() + ": " + ex.getMessage(), ex);
						}
					}));
					if (started && key.kind() == PostingKind.ACCRUAL) {
						launched++;
					}
					else if (started) {
						retried++;
					}
					if (started) {
						contribution.incrementWriteCount(1);
					}
				}
				contribution.setExitStatus(new ExitStatus("COMPLETED", payrolls.size() + " processed payroll(s) from "
						+ from + " to " + to + ": " + posted + " posted, " + launched + " posting(s) launched"
						+ ((retried > 0) ? ", " + retried + " failed payment or reversal posting(s) retried" : "")));
				return RepeatStatus.FINISHED;
			}, transactionManager).build())
			.build();
	}

	@Bean
	PayrollSweepSchedule payrollSweepSchedule(Tenants tenants, AsyncJobLauncher launcher, Job payrollSweepJob,
			Clock clock, PayrollSweepProperties properties) {
		return new PayrollSweepSchedule(tenants, launcher, payrollSweepJob, clock, properties.days());
	}

	/**
	 * Launches the sweep of every tenant that posts payroll, once a day, on one instance.
	 */
	static class PayrollSweepSchedule {

		private final Tenants tenants;

		private final AsyncJobLauncher launcher;

		private final Job sweep;

		private final Clock clock;

		private final int days;

		PayrollSweepSchedule(Tenants tenants, AsyncJobLauncher launcher, Job sweep, Clock clock, int days) {
			this.tenants = tenants;
			this.launcher = launcher;
			this.sweep = sweep;
			this.clock = clock;
			this.days = days;
		}

		@Scheduled(cron = "${mlc.payroll.sweep.cron:0 30 6 * * *}")
		@SchedulerLock(name = "payroll-sweep", lockAtLeastFor = "PT1M")
		void sweepAll() {
			for (Tenant tenant : this.tenants.all()) {
				if (tenant.enabled() && PayrollTenants.postsPayroll(tenant)) {
					LocalDate today = LocalDate.now(this.clock.withZone(tenant.properties().timeZone()));
					try {
						this.launcher.start(this.sweep,
								new JobParametersBuilder().addString(TENANT, tenant.id())
									.addString(FROM, today.minusDays(this.days).toString())
									.addString(TO, today.toString())
									.toJobParameters());
					}
					catch (Exception ex) {
						logger.info("Payroll sweep for tenant {} not launched: {}", tenant.id(), ex.getMessage());
					}
				}
			}
		}

	}

	/**
	 * The sweep's parameters: a tenant that posts payroll and a window of at most a year
	 * (Gusto's limit for one payroll list).
	 */
	static final class SweepParametersValidator implements JobParametersValidator {

		private final Tenants tenants;

		SweepParametersValidator(Tenants tenants) {
			this.tenants = tenants;
		}

		@Override
		public void validate(JobParameters parameters) throws InvalidJobParametersException {
			String tenant = parameters.getString(TENANT);
			if (tenant == null || this.tenants.find(tenant).filter(PayrollTenants::postsPayroll).isEmpty()) {
				throw new InvalidJobParametersException(
						"parameter 'tenant' must name a tenant with Gusto and IFS connections, was '" + tenant + "'");
			}
			LocalDate from = date(parameters, FROM);
			LocalDate to = date(parameters, TO);
			if (from.isAfter(to) || from.plusYears(1).isBefore(to)) {
				throw new InvalidJobParametersException(
						"'from' must not be after 'to', and the window is at most a year, was " + from + " to " + to);
			}
		}

		private static LocalDate date(JobParameters parameters, String name) throws InvalidJobParametersException {
			String value = parameters.getString(name);
			try {
				return LocalDate.parse(value);
			}
			catch (RuntimeException ex) {
				throw new InvalidJobParametersException(
						"parameter '" + name + "' must be a date like 2026-11-30, was '" + value + "'");
			}
		}

	}

}
