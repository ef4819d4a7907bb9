package io.mlconnector.visma;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Visma's error body, read defensively: the VNI-era shape
 * {@code {ExceptionType, ExceptionMessage, ExceptionFaultCode, ExceptionMessageID,
 * ExceptionDetails}} [KB] when it is there (the current spec declares no error schema
 * [SPEC-3P]), else the raw text.
 *
 * @param exceptionType e.g. {@code IPPException}, or null
 * @param exceptionMessage Visma's message, or null
 * @param faultCode e.g. {@code 12027} (no licence for this company), or null
 * @param messageId Visma's id of this occurrence, for their support, or null
 * @param details details, or null
 * @param raw the body as text, at most 2,000 characters (for the audit trail)
 */
public record VismaError(String exceptionType, String exceptionMessage, String faultCode, String messageId,
		String details, String raw) {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	static final VismaError NONE = new VismaError(null, null, null, null, null, "");

	static VismaError parse(byte[] body, JsonMapper json) {
		if (body == null || body.length == 0) {
			return NONE;
		}
		String text = new String(body, StandardCharsets.UTF_8);
		String raw = (text.length() > 2000) ? text.substring(0, 2000) + "..." : text;
		try {
			Map<String, Object> map = json.readValue(body, OBJECT);
			String message = string(map, "ExceptionMessage");
			if (message == null) {
				// OAuth errors of Visma Connect, and any {"message": ...}
				message = (string(map, "error_description") != null) ? string(map, "error_description")
						: string(map, "message");
			}
			String type = (string(map, "ExceptionType") != null) ? string(map, "ExceptionType") : string(map, "error");
			return new VismaError(type, message, string(map, "ExceptionFaultCode"), string(map, "ExceptionMessageID"),
					string(map, "ExceptionDetails"), raw);
		}
		catch (RuntimeException ex) {
			return new VismaError(null, null, null, null, null, raw);
		}
	}

	private static String string(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

	/**
	 * What to show after the status: Visma's type, fault code and message, or the start
	 * of the raw body.
	 * @return the text, empty when the body said nothing
	 */
	String summary() {
		StringBuilder text = new StringBuilder();
		if (this.exceptionType != null) {
			text.append(this.exceptionType);
		}
		if (this.faultCode != null) {
			text.append((text.length() > 0) ? " " : "").append(this.faultCode);
		}
		if (this.exceptionMessage != null) {
			text.append((text.length() > 0) ? ": " : "").append(this.exceptionMessage);
		}
		if (this.details != null) {
			text.append(" (").append(this.details).append(')');
		}
		if (text.length() == 0 && !this.raw.isBlank()) {
			String start = this.raw.strip();
			text.append("body: ").append((start.length() > 200) ? start.substring(0, 200) + "..." : start);
		}
		return text.toString();
	}

}
