package io.mlconnector.sandbox.gusto;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected through {@code POST /sandbox/gusto/_admin/faults}, per endpoint (a
 * regular expression over {@code METHOD /path}, e.g.
 * {@code GET /v1/companies/.+/employees}): added latency, a rate of 5xx answers, a burst
 * of 429s, dropped connections and 409 conflicts on writes.
 */
final class SandboxFaults {

	private final List<Fault> faults = new CopyOnWriteArrayList<>();

	void add(Fault fault) {
		this.faults.add(fault);
	}

	void clear() {
		this.faults.clear();
	}

	List<Fault> all() {
		return List.copyOf(this.faults);
	}

	Fault matching(String methodAndPath) {
		for (Fault fault : this.faults) {
			if (fault.endpoint() == null || methodAndPath.matches(fault.endpoint())) {
				return fault;
			}
		}
		return null;
	}

	/**
	 * One injected fault.
	 *
	 * @param endpoint regular expression over {@code METHOD /path}; {@code null} for all
	 * @param latencyMs added latency
	 * @param errorRate share of requests answered 500 {@code internal_error}
	 * @param serverErrors the next this many requests are answered 500
	 * @param rateLimitBurst the next this many requests get 429 with {@code Retry-After:
	 * 1}
	 * @param dropConnections the next this many requests have their connection closed
	 * without an answer
	 * @param conflicts the next this many versioned writes find the object changed (409)
	 */
	record Fault(String endpoint, long latencyMs, double errorRate, AtomicInteger serverErrors,
			AtomicInteger rateLimitBurst, AtomicInteger dropConnections, AtomicInteger conflicts) {

		boolean serverError() {
			return take(this.serverErrors)
					|| this.errorRate > 0 && ThreadLocalRandom.current().nextDouble() < this.errorRate;
		}

		static boolean take(AtomicInteger counter) {
			return counter != null && counter.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0;
		}

	}

}
