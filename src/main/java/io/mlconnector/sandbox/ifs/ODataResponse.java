package io.mlconnector.sandbox.ifs;

import java.util.Map;
import java.util.TreeMap;

/**
 * A simulator response, before it goes on the wire (directly or as a {@code $batch}
 * part).
 *
 * @param status HTTP status
 * @param headers headers, names case-insensitive
 * @param body the body, empty if none
 */
record ODataResponse(int status, Map<String, String> headers, byte[] body) {

	ODataResponse {
		Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		copy.putAll(headers);
		headers = copy;
	}

	static ODataResponse of(int status, String contentType, byte[] body) {
		return new ODataResponse(status, (contentType != null) ? Map.of("Content-Type", contentType) : Map.of(), body);
	}

	ODataResponse with(String header, String value) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(this.headers);
		headers.put(header, value);
		return new ODataResponse(this.status, headers, this.body);
	}

}
