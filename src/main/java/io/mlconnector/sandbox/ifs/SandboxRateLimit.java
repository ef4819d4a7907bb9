package io.mlconnector.sandbox.ifs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-client limit of requests in any rolling minute, answered with 429 and
 * {@code Retry-After} (seconds). IFS publishes no limit ([NOT FOUND]); the 1000/min
 * default is ml-connector's product assumption.
 */
final class SandboxRateLimit {

	private final Clock clock;

	private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

	private volatile int perMinute;

	SandboxRateLimit(Clock clock, int perMinute) {
		this.clock = clock;
		this.perMinute = perMinute;
	}

	void perMinute(int perMinute) {
		this.perMinute = perMinute;
		this.windows.clear();
	}

	int perMinute() {
		return this.perMinute;
	}

	/**
	 * Counts a request.
	 * @param client who sends it
	 * @return null if allowed, else how long to wait
	 */
	Duration admit(String client) {
		int limit = this.perMinute;
		if (limit <= 0) {
			return null;
		}
		Deque<Instant> window = this.windows.computeIfAbsent(client, (key) -> new ArrayDeque<>());
		synchronized (window) {
			Instant now = this.clock.instant();
			Instant start = now.minus(Duration.ofMinutes(1));
			while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
				window.removeFirst();
			}
			if (window.size() >= limit) {
				Duration wait = Duration.between(start, window.peekFirst());
				return Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
			}
			window.addLast(now);
			return null;
		}
	}

}
