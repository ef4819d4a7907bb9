package io.mlconnector.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link MissingOperatorTokenException} into a start-up report that says what to
 * set.
 */
class MissingOperatorTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingOperatorTokenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingOperatorTokenException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set MLC_OPS_TOKEN to a long random value and give it to your operators; optionally set "
						+ "MLC_OPS_VIEWER_TOKEN for read-only access. The sandbox profile uses a demo token instead.",
				cause);
	}

}
