package io.mlconnector.visma;

import java.time.Duration;

import io.mlconnector.outbound.RetryAfterException;

/**
 * Visma said "not now" (429, 5xx) or did not answer: retried by {@code OutboundRetry}
 * with the wait the server gave ({@code Retry-After}, else {@code X-RateLimit-Reset} on a
 * 429) or backoff with jitter; surfaces as a {@link VismaException} when the retries are
 * used up.
 */
class VismaRetryLaterException extends RetryAfterException {

	private final int status;

	private final VismaError error;

	VismaRetryLaterException(String message, int status, VismaError error, Duration retryAfter, Throwable cause) {
		super(message, retryAfter, cause);
		this.status = status;
		this.error = error;
	}

	VismaException exhausted() {
		return new VismaException(getMessage() + " (retries used up)", this.status, this.error, this);
	}

}
