package io.mlconnector.sandbox.visma;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Visma's standard policy {@code 4-fixed-window}: "X requests per hour for each company
 * and client combination" [DOC-rate], X unpublished (configurable here). Windows are
 * aligned to multiples of their length since the epoch (ASSUMPTION). Every counted
 * response says {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (seconds
 * until the window resets) and {@code -Policy}; over the limit the answer is 429. Refused
 * requests count too (ASSUMPTION).
 */
final class SandboxRateLimit {

	static final String POLICY = "4-fixed-window";

	/**
	 * The decision about one request.
	 *
	 * @param allowed whether it is served
	 * @param limit requests per window
	 * @param remaining requests left in the window
	 * @param resetSeconds seconds until the window resets, at least 1
	 */
	record Decision(boolean allowed, int limit, long remaining, long resetSeconds) {

	}

	private record Window(long index, long count) {

	}

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private volatile int limit;

	private volatile Duration length;

	SandboxRateLimit(Clock clock, int limit, Duration length) {
		this.clock = clock;
		this.limit = limit;
		this.length = length;
	}

	void configure(int limit, Duration length) {
		this.limit = limit;
		this.length = length;
		this.windows.clear();
	}

	void reset() {
		this.windows.clear();
	}

	int limit() {
		return this.limit;
	}

	Duration length() {
		return this.length;
	}

	/**
	 * Counts a request of a company and client.
	 * @param key company tenant id and client id
	 * @return the decision, or null when the limit is off
	 */
	Decision take(String key) {
		int max = this.limit;
		if (max <= 0) {
			return null;
		}
		long lengthMillis = this.length.toMillis();
		long now = this.clock.millis();
		long index = now / lengthMillis;
		Window window = this.windows.compute(key, (k, current) -> (current == null || current.index() != index)
				? new Window(index, 1) : new Window(index, current.count() + 1));
		long resetSeconds = Math.max(1, ((index + 1) * lengthMillis - now + 999) / 1000);
		return new Decision(window.count() <= max, max, Math.max(0, max - window.count()), resetSeconds);
	}

}
