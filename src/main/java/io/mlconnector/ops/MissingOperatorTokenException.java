package io.mlconnector.ops;

/**
 * No operator token is configured outside the sandbox: the operator API cannot be
 * secured, so the service does not start.
 */
class MissingOperatorTokenException extends IllegalStateException {

	MissingOperatorTokenException() {
		super("No operator token is configured: set MLC_OPS_TOKEN (for example `openssl rand -hex 32`). "
				+ "The operator API (/api/v1) cannot be secured without it.");
	}

}
