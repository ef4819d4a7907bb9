package io.mlconnector.payroll;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

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

}
