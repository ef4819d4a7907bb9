package io.mlconnector.payroll;

import java.util.Arrays;

import io.mlconnector.batch.JobParameterChecks;
import io.mlconnector.inbox.InboxEvent;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The identifying parameters of {@code payrollPostingJob}, in one place for the routes,
 * the sweep, the plan step and the operator API: tenant, payroll uuid, posting kind and
 * whether it is a dry run.
 */
final class PostingParameters {

	static final String TENANT = "tenant";

	static final String PAYROLL = "payrollUuid";

	static final String KIND = "kind";

	static final String DRY_RUN = "dryRun";

	private PostingParameters() {
	}

	static JobParameters parameters(PostingKey key) {
		return new JobParametersBuilder().addString(TENANT, key.tenant())
			.addString(PAYROLL, key.payrollUuid())
			.addString(KIND, key.kind().name())
			.addString(DRY_RUN, String.valueOf(key.dryRun()))
			.toJobParameters();
	}

	/**
	 * The parameters of the posting a Gusto payroll event asks for.
	 * @param event the event, whose entity is the payroll
	 * @param kind what it posts
	 * @return the parameters of a real (not dry-run) posting
	 */
	static JobParameters parameters(InboxEvent event, PostingKind kind) {
		return parameters(new PostingKey(event.tenant(), event.entityId(), kind, false));
	}

	static PostingKey key(JobParameters parameters) {
		return new PostingKey(parameters.getString(TENANT), parameters.getString(PAYROLL),
				PostingKind.valueOf(parameters.getString(KIND)),
				"true".equalsIgnoreCase(parameters.getString(DRY_RUN)));
	}

	/**
	 * The audit subject of a posting.
	 */
	static String subject(PostingKey key) {
		return "payroll:" + key.payrollUuid() + ":" + key.kind();
	}

	/**
	 * Checks the parameters before a job instance is created, so a bad launch is a clear
	 * 400 and never a FAILED instance.
	 */
	static final class Validator implements JobParametersValidator {

		private final Tenants tenants;

		Validator(Tenants tenants) {
			this.tenants = tenants;
		}

		@Override
		public void validate(JobParameters parameters) throws InvalidJobParametersException {
			JobParameterChecks.tenant(parameters, TENANT, this.tenants, PayrollTenants::postsPayroll,
					(tenant) -> "tenant '" + tenant.id()
							+ "' needs both a Gusto and an IFS connection to post payroll");
			JobParameterChecks.required(parameters, PAYROLL);
			String kind = parameters.getString(KIND);
			if (kind == null || Arrays.stream(PostingKind.values()).noneMatch((known) -> known.name().equals(kind))) {
				throw new InvalidJobParametersException(
						"parameter '" + KIND + "' must be ACCRUAL, REVERSAL or PAYMENT, was '" + kind + "'");
			}
			String dryRun = parameters.getString(DRY_RUN);
			if (dryRun != null && !"true".equals(dryRun) && !"false".equals(dryRun)) {
				throw new InvalidJobParametersException(
						"parameter '" + DRY_RUN + "' must be true or false, was '" + dryRun + "'");
			}
		}

	}

}
