package io.mlconnector.inbox;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The inbox's responses: short JSON bodies with a machine-readable reason.
 */
final class InboxResponses {

	/** Seconds a sender should wait after a 503 before retrying. */
	static final String RETRY_AFTER_SECONDS = "1";

	private InboxResponses() {
	}

	static Mono<ServerResponse> stored(InboxWriter.StoreResult result) {
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", (result == InboxWriter.StoreResult.STORED) ? "stored" : "duplicate"));
	}

	static Mono<ServerResponse> error(HttpStatus status, String reason, String message) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("error", reason, "message", message));
	}

	static Mono<ServerResponse> busy(InboxSource source, InboxMetrics metrics) {
		metrics.busy(source);
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("error", "inbox_busy", "message",
					"the event was not stored because the database is behind; retry after " + RETRY_AFTER_SECONDS
							+ " s"));
	}

}
