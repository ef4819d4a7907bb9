package io.mlconnector.sandbox.visma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An error the sandbox answers in the VNI-era {@code IPPException} shape
 * {@code {ExceptionType, ExceptionMessage, ExceptionFaultCode, ExceptionMessageID,
 * ExceptionDetails}} [KB]. Whether the current API still answers so is not documented,
 * and which fault codes go with which validation errors is an ASSUMPTION; only 12027 "No
 * license for this company." is Visma's.
 */
final class SandboxException extends RuntimeException {

	private final int status;

	private final String faultCode;

	SandboxException(int status, String faultCode, String message) {
		super(message, null, false, false);
		this.status = status;
		this.faultCode = faultCode;
	}

	static SandboxException badRequest(String message) {
		return new SandboxException(400, "10000", message);
	}

	static SandboxException notFound(String message) {
		return new SandboxException(404, "10001", message);
	}

	int status() {
		return this.status;
	}

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ExceptionType", "IPPException");
		body.put("ExceptionMessage", getMessage());
		body.put("ExceptionFaultCode", this.faultCode);
		body.put("ExceptionMessageID", this.faultCode + "_" + UUID.randomUUID());
		body.put("ExceptionDetails", "");
		return body;
	}

}
