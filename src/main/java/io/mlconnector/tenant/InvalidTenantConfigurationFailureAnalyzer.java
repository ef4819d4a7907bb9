package io.mlconnector.tenant;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidTenantConfigurationException} into a start-up report that lists
 * each offending key with its fix.
 */
class InvalidTenantConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTenantConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTenantConfigurationException cause) {
		String description = "The tenant configuration is invalid:\n\n    " + String.join("\n    ", cause.problems());
		String action = "Fix the keys above in application.yml, config/tenants.yml or the environment "
				+ "(MLC_TENANTS_<TENANT>_<KEY>), then start again. Secrets belong in environment variables, "
				+ "referenced as ${VARIABLE} placeholders. README.md, section Configuration, documents every key.";
		return new FailureAnalysis(description, action, cause);
	}

}
