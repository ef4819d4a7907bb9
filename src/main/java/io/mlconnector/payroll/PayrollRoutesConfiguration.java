package io.mlconnector.payroll;

import java.util.Set;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.inbox.InboxSource;
import io.mlconnector.inbox.JobLaunchingRoute;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Gusto events the payroll flow registers with the inbox, each launching
 * {@code payrollPostingJob} with the event's business keys ({@link PostingParameters}),
 * for tenants that post payroll ({@link PayrollTenants}); other tenants' events are done
 * with a note.
 */
@Configuration(proxyBeanMethods = false)
class PayrollRoutesConfiguration {

	static final Set<String> PROCESSED = Set.of("payroll.processed");

	static final Set<String> REVERSED = Set.of("payroll.reversed", "payroll.partially_reversed", "payroll.cancelled");

	static final Set<String> PAID = Set.of("payroll.paid");

	@Bean
	JobLaunchingRoute payrollProcessedRoute(Job payrollPostingJob, AsyncJobLauncher launcher, Tenants tenants) {
		return new JobLaunchingRoute(InboxSource.GUSTO, PROCESSED, false, payrollPostingJob,
				(event) -> PostingParameters.parameters(event, PostingKind.ACCRUAL), launcher)
			.onlyFor(tenants, PayrollTenants::postsPayroll, PayrollTenants::doesNotPostPayroll);
	}

	@Bean
	JobLaunchingRoute payrollReversedRoute(Job payrollPostingJob, AsyncJobLauncher launcher, Tenants tenants) {
		// a later reversal event of the same payroll makes earlier ones redundant
		return new JobLaunchingRoute(InboxSource.GUSTO, REVERSED, true, payrollPostingJob,
				(event) -> PostingParameters.parameters(event, PostingKind.REVERSAL), launcher)
			.onlyFor(tenants, PayrollTenants::postsPayroll, PayrollTenants::doesNotPostPayroll);
	}

	@Bean
	JobLaunchingRoute payrollPaidRoute(Job payrollPostingJob, AsyncJobLauncher launcher, Tenants tenants) {
		// Gusto's demo environment never fires payroll.paid; tenants opt in with
		// gusto.post-payments
		return new JobLaunchingRoute(InboxSource.GUSTO, PAID, false, payrollPostingJob,
				(event) -> PostingParameters.parameters(event, PostingKind.PAYMENT), launcher)
			.onlyFor(tenants, PayrollTenants::postsPayments, PayrollTenants::doesNotPostPayments);
	}

}
