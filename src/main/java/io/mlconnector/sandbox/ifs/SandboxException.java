package io.mlconnector.sandbox.ifs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the simulator answers with, in the IFS error shape
 * {@code {"error":{"code","message","details":[{code,message,target}]}}} ([OBS] shape;
 * codes other than {@code ODP_*} and {@code MI_MODIFIED_ERROR} are simulator choices).
 */
class SandboxException extends RuntimeException {

	private final int status;

	private final String code;

	private final List<Map<String, String>> details;

	SandboxException(int status, String code, String message, List<Map<String, String>> details) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = details;
	}

	SandboxException(int status, String code, String message) {
		this(status, code, message, List.of());
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Map<String, Object> body() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", this.code);
		error.put("message", getMessage());
		error.put("details", this.details);
		return Map.of("error", error);
	}

	static Map<String, String> detail(String code, String message, String target) {
		Map<String, String> detail = new LinkedHashMap<>();
		detail.put("code", code);
		detail.put("message", message);
		if (target != null) {
			detail.put("target", target);
		}
		return detail;
	}

	static SandboxException badRequest(String message) {
		return new SandboxException(400, "ODP_BAD_REQUEST", message);
	}

	static SandboxException deserialization(String message) {
		return new SandboxException(400, "ODP_DESERIALIZATION_ERROR", "Error while de-serializing contents.",
				List.of(detail("ODP_DESERIALIZATION_ERROR", message, null)));
	}

	static SandboxException notFound(String message) {
		return new SandboxException(404, "ODP_RESOURCE_NOTFOUND", message);
	}

	static SandboxException notImplemented(String message) {
		return new SandboxException(501, "ODP_NOT_IMPLEMENTED", message);
	}

	static SandboxException conflict(String message) {
		return new SandboxException(409, "FND_RECORD_EXISTS", message);
	}

}
