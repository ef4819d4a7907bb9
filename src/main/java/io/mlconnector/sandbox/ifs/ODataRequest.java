package io.mlconnector.sandbox.ifs;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.util.UriUtils;

/**
 * One request to a projection, from HTTP or from a {@code $batch} part.
 *
 * @param method the HTTP method
 * @param serviceRoot absolute URL of the projection service, ending in {@code .svc/}
 * @param projection the projection name
 * @param resourcePath the path below the service root, still percent-encoded
 * @param query query options, decoded, in request order
 * @param headers request headers, names case-insensitive
 * @param body the request body, empty if none
 */
record ODataRequest(String method, String serviceRoot, String projection, String resourcePath,
		Map<String, String> query, Map<String, String> headers, byte[] body) {

	ODataRequest {
		Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		copy.putAll(headers);
		headers = Collections.unmodifiableMap(copy);
	}

	String header(String name) {
		return this.headers.get(name);
	}

	/**
	 * Parses a raw query string. {@code +} stays a plus sign (OData clients encode spaces
	 * as {@code %20}).
	 * @param rawQuery the percent-encoded query, or null
	 * @return the options
	 * @throws SandboxException 400 if an option is given twice
	 */
	static Map<String, String> parseQuery(String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = UriUtils.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			if (query.put(name, value) != null) {
				throw SandboxException.badRequest("The query option " + name + " is given more than once.");
			}
		}
		return query;
	}

	/**
	 * Percent-encodes a query value strictly (space as {@code %20}, plus as {@code %2B}).
	 * @param value the value
	 * @return the encoded value
	 */
	static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
