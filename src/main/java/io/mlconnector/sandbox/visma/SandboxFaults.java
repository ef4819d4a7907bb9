package io.mlconnector.sandbox.visma;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults injected into the next {@code /v1} requests (not the token endpoint, not admin),
 * optionally only those whose {@code METHOD /v1/path} matches a regular expression.
 */
final class SandboxFaults {

	enum Kind {

		/** Waits {@code latencyMillis}, then serves the request. */
		LATENCY,
		/**
		 * Answers {@code status} with an IPPException body ({@code faultCode},
		 * {@code message}).
		 */
		STATUS,
		/** Answers {@code status} (default 500) with an HTML body, not JSON. */
		NON_JSON,
		/** Answers 429 as if the window were used up, with the rate-limit headers. */
		RATE_LIMIT,
		/** Closes the connection without an answer. */
		DROP_CONNECTION,
		/**
		 * Answers 400 12027 "No license for this company." (Visma's own message [KB]).
		 */
		NO_LICENSE

	}

	/**
	 * One fault.
	 *
	 * @param kind what happens
	 * @param endpoint regular expression over {@code METHOD /v1/...}; null for every
	 * request
	 * @param count how many matching requests it hits (default 1)
	 * @param status the status for {@code STATUS} and {@code NON_JSON}
	 * @param faultCode {@code ExceptionFaultCode} for {@code STATUS}
	 * @param message {@code ExceptionMessage} for {@code STATUS}
	 * @param latencyMillis the wait for {@code LATENCY}
	 * @param resetSeconds {@code X-RateLimit-Reset} for {@code RATE_LIMIT} (default 1)
	 */
	record Fault(Kind kind, String endpoint, Integer count, Integer status, String faultCode, String message,
			Long latencyMillis, Integer resetSeconds) {

		Fault {
			if (kind == null) {
				throw SandboxException.badRequest(
						"kind is required: LATENCY, STATUS, NON_JSON, RATE_LIMIT, DROP_CONNECTION or NO_LICENSE");
			}
			if (kind == Kind.STATUS && (status == null || status < 400 || status > 599)) {
				throw SandboxException.badRequest("a STATUS fault needs a status between 400 and 599");
			}
			count = (count != null && count > 0) ? count : 1;
			latencyMillis = (latencyMillis != null) ? latencyMillis : 0L;
			resetSeconds = (resetSeconds != null && resetSeconds > 0) ? resetSeconds : 1;
		}

	}

	private static final class Pending {

		private final Fault fault;

		private int left;

		Pending(Fault fault) {
			this.fault = fault;
			this.left = fault.count();
		}

	}

	private final List<Pending> pending = new ArrayList<>();

	synchronized void add(Fault fault) {
		this.pending.add(new Pending(fault));
	}

	synchronized void clear() {
		this.pending.clear();
	}

	synchronized int size() {
		return this.pending.size();
	}

	/**
	 * Takes the fault for a request.
	 * @param methodAndPath e.g. {@code GET /v1/employee}
	 * @return the fault, or null
	 */
	synchronized Fault next(String methodAndPath) {
		for (Iterator<Pending> it = this.pending.iterator(); it.hasNext();) {
			Pending candidate = it.next();
			if (candidate.fault.endpoint() == null || methodAndPath.matches(candidate.fault.endpoint())) {
				if (--candidate.left <= 0) {
					it.remove();
				}
				return candidate.fault;
			}
		}
		return null;
	}

}
