package io.mlconnector.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Message metadata: {@code {"event_type": "...", "event_payload": {...}}} [SDK node-sdk
 * {@code message-metadata.ts}; DOC message-metadata]. ml-connector puts the source
 * record's key here, so a message found in Slack (or delivered by the Events API) leads
 * back to the record.
 *
 * @param eventType "a human readable alphanumeric string" (ml-connector also allows
 * {@code _}, as Slack's own example {@code customer_created} does)
 * @param payload strings, numbers or booleans (Slack also allows nested objects;
 * ml-connector does not need them)
 */
public record SlackMetadata(String eventType, Map<String, Object> payload) {

	private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_]{1,255}");

	public SlackMetadata {
		if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
			throw new IllegalArgumentException(
					"a metadata event_type is 1 to 255 letters, digits or underscores, was '" + eventType + "'");
		}
		payload = (payload != null) ? new LinkedHashMap<>(payload) : new LinkedHashMap<>();
		payload.forEach((key, value) -> {
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new IllegalArgumentException("metadata value '" + key + "' must be a string, number or boolean");
			}
		});
		payload = java.util.Collections.unmodifiableMap(payload);
	}

}
