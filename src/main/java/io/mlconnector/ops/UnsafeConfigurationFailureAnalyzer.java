package io.mlconnector.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link UnsafeConfigurationException} into a start-up report that lists every
 * problem and its fix.
 */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Generate secrets with e.g. 'openssl rand -hex 32' (MLC_OPS_TOKEN, MLC_OPS_VIEWER_TOKEN) and "
						+ "MLC_SECRET_KEY=\"k1:$(openssl rand -base64 32)\"; the values of the sandbox profile are public "
						+ "and only for the sandbox, which never runs with prod.",
				cause);
	}

}
