package io.mlconnector.gusto;

import org.springframework.http.HttpHeaders;

/**
 * A raw answer from Gusto: status, headers and body bytes, decoded by the caller.
 *
 * @param status HTTP status code
 * @param headers response headers
 * @param body the body, empty if none
 */
record GustoResponse(int status, HttpHeaders headers, byte[] body) {

	boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	int intHeader(String name, int fallback) {
		String value = this.headers.getFirst(name);
		try {
			return (value != null) ? Integer.parseInt(value.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
