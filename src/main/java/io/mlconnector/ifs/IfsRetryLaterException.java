package io.mlconnector.ifs;

import java.time.Duration;

import io.mlconnector.outbound.RetryAfterException;

/**
 * IFS said "not now": 423 (record locked), 429, 503, 504, or the request timed out or the
 * connection dropped before an answer. Retried by {@code OutboundRetry} with the server's
 * {@code Retry-After} or exponential backoff; surfaces when the retries are used up.
 */
public class IfsRetryLaterException extends RetryAfterException {

	private final int status;

	private final String code;

	public IfsRetryLaterException(String message, int status, String code, Duration retryAfter, Throwable cause) {
		super(message, retryAfter, cause);
		this.status = status;
		this.code = code;
	}

	/**
	 * The HTTP status, or 0 for a timeout or dropped connection.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

}
