package io.mlconnector.visma;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;

/**
 * What Visma last said about the hourly window of one company and client: every response
 * carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} (seconds until the window resets) [DOC-rate]. Requests sent
 * since are counted down from {@code Remaining}, so when the window is used up (by this
 * instance or any other client of the company) the next request waits for the reset
 * instead of drawing a 429; and a limit lower than the configured one sizes the shared
 * budget down.
 */
final class VismaRateWindow {

	private long limit = -1;

	private long remaining = -1;

	private Instant resetAt;

	/**
	 * Reads the headers of a response.
	 * @param headers the response headers
	 * @param now when the response arrived
	 */
	synchronized void observe(HttpHeaders headers, Instant now) {
		Long limitHeader = number(headers.getFirst("X-RateLimit-Limit"));
		Long remainingHeader = number(headers.getFirst("X-RateLimit-Remaining"));
		Long resetHeader = number(headers.getFirst("X-RateLimit-Reset"));
		if (limitHeader != null) {
			this.limit = limitHeader;
		}
		if (remainingHeader == null || resetHeader == null) {
			return;
		}
		Instant reset = now.plusSeconds(resetHeader);
		boolean newWindow = this.resetAt == null || !now.isBefore(this.resetAt)
				|| reset.isAfter(this.resetAt.plusSeconds(1));
		this.remaining = newWindow ? remainingHeader : Math.min(this.remaining, remainingHeader);
		this.resetAt = newWindow ? reset : this.resetAt;
	}

	/**
	 * A 429: nothing remains until the reset.
	 * @param resetIn the wait Visma gave
	 * @param now now
	 */
	synchronized void exhausted(Duration resetIn, Instant now) {
		this.remaining = 0;
		this.resetAt = now.plus(resetIn);
	}

	/**
	 * Counts a request about to be sent.
	 * @param now now
	 * @return how long to wait for the window to reset first, zero to send now
	 */
	synchronized Duration take(Instant now) {
		if (this.resetAt == null || !now.isBefore(this.resetAt)) {
			return Duration.ZERO;
		}
		if (this.remaining > 0) {
			this.remaining--;
			return Duration.ZERO;
		}
		return Duration.between(now, this.resetAt);
	}

	/**
	 * The limit Visma announced, or -1 if none yet.
	 * @return the limit
	 */
	synchronized long limit() {
		return this.limit;
	}

	private static Long number(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Math.max(0, Long.parseLong(header.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
