package io.mlconnector.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * A response that says "try again": 429, 503, 504, a locked record, a timeout. Thrown by
 * clients so that {@link OutboundRetry} waits as the server asked ({@code Retry-After})
 * or, when it did not say, backs off exponentially with full jitter.
 */
public class RetryAfterException extends RuntimeException {

	private final transient Duration retryAfter;

	public RetryAfterException(String message, Duration retryAfter) {
		this(message, retryAfter, null);
	}

	public RetryAfterException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked to wait.
	 * @return the server's {@code Retry-After}, empty when it gave none
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
