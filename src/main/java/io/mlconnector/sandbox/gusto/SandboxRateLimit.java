package io.mlconnector.sandbox.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gusto's documented limit: {@code limit} requests per rolling window per OAuth grant;
 * over it, 429 with {@code Retry-After} seconds until the window frees a slot [DOC
 * rate-limits]. Refused requests do not count (ASSUMPTION).
 */
final class SandboxRateLimit {

	private final Clock clock;

	private volatile int limit;

	private volatile Duration window;

	private final Map<String, Deque<Instant>> accepted = new ConcurrentHashMap<>();

	SandboxRateLimit(Clock clock, int limit, Duration window) {
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	void configure(int limit, Duration window) {
		this.limit = limit;
		this.window = window;
		this.accepted.clear();
	}

	int limit() {
		return this.limit;
	}

	Duration window() {
		return this.window;
	}

	void reset() {
		this.accepted.clear();
	}

	/**
	 * Counts a request.
	 * @return the decision
	 */
	Decision take(String grant) {
		Deque<Instant> times = this.accepted.computeIfAbsent(grant, (key) -> new ArrayDeque<>());
		synchronized (times) {
			Instant now = this.clock.instant();
			Instant windowStart = now.minus(this.window);
			while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
				times.pollFirst();
			}
			if (times.size() >= this.limit) {
				Instant free = times.peekFirst().plus(this.window);
				long seconds = Math.max(1, (Duration.between(now, free).toMillis() + 999) / 1000);
				return new Decision(false, 0, free, seconds);
			}
			times.addLast(now);
			Instant reset = times.peekFirst().plus(this.window);
			return new Decision(true, this.limit - times.size(), reset, 0);
		}
	}

	record Decision(boolean allowed, int remaining, Instant reset, long retryAfterSeconds) {

	}

}
