package io.mlconnector.payroll;

import java.time.Clock;

import io.mlconnector.audit.AuditTrail;
import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code payrollPostingJob}: one payroll, one kind (ACCRUAL, PAYMENT, REVERSAL), one
 * tenant. The identifying parameters ({@link PostingParameters}) are those business keys
 * plus {@code dryRun}, so a completed posting never runs again and a failed one restarts
 * where it stopped.
 * <ol>
 * <li>{@value #PLAN_STEP} ({@link PayrollPlanTasklet}): reads the payroll and the
 * employees from Gusto, computes the vouchers (or, for a cancellation, swaps the posted
 * ones), checks every code part in IFS, and records the planned vouchers. Nothing is
 * posted when anything is wrong: the posting is FAILED with every problem.</li>
 * <li>{@value #WRITE_STEP} ({@link PlannedVoucherReader}, {@link PlannedVoucherWriter}):
 * posts the planned vouchers one per chunk, each claimed first, looked up by its
 * reference and created with its rows in one {@code $batch}; a crash between IFS and our
 * commit finds the voucher on restart instead of posting it twice.</li>
 * </ol>
 * {@link PostingOutcomeListener} records how the posting ended; the routes that launch it
 * are in {@link PayrollRoutesConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PayrollPostingJobConfiguration {

	static final String JOB = "payrollPostingJob";

	static final String PLAN_STEP = "payrollPostingPlanStep";

	static final String WRITE_STEP = "payrollPostingWriteStep";

	@Bean
	PayrollPostings payrollPostings(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		return new PayrollPostings(jdbc, transactions, json, clock);
	}

	@Bean
	PayrollPostingRecords payrollPostingRecords(JdbcClient jdbc, JsonMapper json) {
		return new PayrollPostingRecords(jdbc, json);
	}

	@Bean
	Job payrollPostingJob(JobRepository jobRepository, Step payrollPostingPlanStep, Step payrollPostingWriteStep,
			Tenants tenants, PayrollPostings postings, AuditTrail audit) {
		return new JobBuilder(JOB, jobRepository).validator(new PostingParameters.Validator(tenants))
			.listener(new PostingOutcomeListener(postings, audit))
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
		// created, so a job may not depend on it. The tasklet runs again on every
		// restart: it keeps the plan once a voucher left for IFS and plans afresh when
		// none did
		return new StepBuilder(PLAN_STEP, jobRepository)
			.tasklet(new PayrollPlanTasklet(tenants, gusto, ifs, postings, audit, launcher, payrollPostingJob,
					transactions, transactionManager, json), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step payrollPostingWriteStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PlannedVoucherReader plannedVoucherReader, PlannedVoucherWriter plannedVoucherWriter) {
		return new StepBuilder(WRITE_STEP,
				jobRepository).<PayrollPostings.PlannedVoucher, PayrollPostings.PlannedVoucher>chunk(1)
			.transactionManager(transactionManager)
			.reader(plannedVoucherReader)
			.writer(plannedVoucherWriter)
			.build();
	}

	@Bean
	@StepScope
	PlannedVoucherReader plannedVoucherReader(PayrollPostings postings,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return new PlannedVoucherReader(postings, PostingParameters.key(stepExecution.getJobParameters()));
	}

	@Bean
	@StepScope
	PlannedVoucherWriter plannedVoucherWriter(Tenants tenants, IfsClients ifs, PayrollPostings postings,
			AuditTrail audit, JsonMapper json, @Value("#{stepExecution}") StepExecution stepExecution) {
		PostingKey key = PostingParameters.key(stepExecution.getJobParameters());
		Tenant tenant = tenants.find(key.tenant()).orElseThrow();
		return new PlannedVoucherWriter(key, stepExecution.getJobExecutionId(), new IfsVouchers(ifs.forTenant(tenant),
				tenant.mapping(), tenant.properties().currency().getCurrencyCode()), postings, audit, json);
	}

}
