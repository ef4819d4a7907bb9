package io.mlconnector.outbound;

import java.time.Duration;

/**
 * A documented request limit: at most {@code requests} in any rolling {@code window}.
 *
 * @param requests requests allowed in any window
 * @param window length of the rolling window
 */
public record RateLimit(long requests, Duration window) {

	public RateLimit {
		if (requests < 1) {
			throw new IllegalArgumentException("a rate limit allows at least one request, was " + requests);
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("a rate limit needs a positive window, was " + window);
		}
	}

	/**
	 * A limit per minute.
	 * @param requests requests allowed in any rolling minute
	 * @return the limit
	 */
	public static RateLimit perMinute(long requests) {
		return new RateLimit(requests, Duration.ofMinutes(1));
	}

}
