package io.mlconnector.gusto;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.mlconnector.outbound.RetryAfterException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Sends one request to Gusto and classifies the answer: 2xx is returned; 429 and 5xx,
 * timeouts and refused connections become {@link RetryAfterException} (with the server's
 * {@code Retry-After}); everything else is returned for the caller to type.
 */
final class GustoWire {

	static final String API_VERSION_HEADER = "X-Gusto-API-Version";

	private final JsonMapper json;

	private final Duration timeout;

	GustoWire(JsonMapper json, Duration timeout) {
		this.json = json;
		this.timeout = timeout;
	}

	JsonMapper json() {
		return this.json;
	}

	Mono<GustoResponse> send(WebClient.RequestHeadersSpec<?> request, String what) {
		return request
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new GustoResponse(response.statusCode().value(),
						HttpHeaders.copyOf(response.headers().asHttpHeaders()), body)))
			.timeout(this.timeout)
			.onErrorMap(TimeoutException.class,
					(ex) -> new RetryAfterException("no answer from Gusto within " + this.timeout + " to " + what, null,
							ex))
			.onErrorMap(WebClientRequestException.class,
					(ex) -> new RetryAfterException("Gusto could not be reached for " + what + ": " + rootMessage(ex),
							null, ex))
			.flatMap((response) -> {
				if (response.status() == 429 || response.status() >= 500) {
					return Mono.error(new RetryAfterException(
							"Gusto answered " + response.status() + " to " + what + firstError(response),
							retryAfter(response), null));
				}
				return Mono.just(response);
			});
	}

	<T> T read(GustoResponse response, Class<T> type, String what) {
		try {
			return this.json.readValue(response.body(), type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Gusto's answer to " + what + " does not parse as " + type.getSimpleName()
					+ ": " + ex.getOriginalMessage(), ex);
		}
	}

	GustoErrors errors(GustoResponse response) {
		try {
			return (response.body().length > 0) ? this.json.readValue(response.body(), GustoErrors.class)
					: new GustoErrors(null, null, null);
		}
		catch (JacksonException ex) {
			return new GustoErrors(null, null, null);
		}
	}

	/**
	 * The {@code error} code of an OAuth 2.0 error answer [RFC 6749 section 5.2], e.g.
	 * {@code invalid_grant} or {@code invalid_client}.
	 * @return the code, or {@code null} when the body has none
	 */
	String oauthError(GustoResponse response) {
		try {
			if (response.body().length == 0) {
				return null;
			}
			tools.jackson.databind.JsonNode node = this.json.readTree(response.body());
			return (node != null && node.path("error").isString()) ? node.path("error").asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	GustoApiException failure(String tenant, GustoResponse response, String what) {
		GustoErrors errors = errors(response);
		if (!errors.errors().isEmpty()) {
			GustoErrors.Error first = errors.errors().get(0);
			String message = first.message();
			if (message == null && !first.errors().isEmpty()) {
				message = first.errors().get(0).message();
			}
			return new GustoApiException(tenant, what, response.status(), first.category(), first.errorKey(), message);
		}
		// a version below the minimum answers {name, message} [DOC getting-setup]
		return new GustoApiException(tenant, what, response.status(),
				(response.status() == 406) ? "invalid_api_version" : null, null,
				(errors.message() != null) ? errors.message() : errors.name());
	}

	private String firstError(GustoResponse response) {
		GustoErrors errors = errors(response);
		return errors.errors().isEmpty() ? "" : ": " + errors.errors().get(0).message();
	}

	static Duration retryAfter(GustoResponse response) {
		String value = response.headers().getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			// an HTTP date is allowed by RFC 9110 but not documented by Gusto: back off
			return null;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root instanceof ConnectException) ? "connection refused" : String.valueOf(root.getMessage());
	}

}
