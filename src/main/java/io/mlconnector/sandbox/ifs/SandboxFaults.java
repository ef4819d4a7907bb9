package io.mlconnector.sandbox.ifs;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults to inject into the next OData requests (not the token endpoint, not admin):
 * latency, an error status (with {@code Retry-After} for 429/503), IFS's transient 500
 * {@code MI_MODIFIED_ERROR} ([DOC]), or a dropped connection.
 */
final class SandboxFaults {

	enum Kind {

		/** Waits {@code latencyMillis}, then serves the request. */
		LATENCY,
		/** Answers {@code status} with an IFS error body. */
		STATUS,
		/** Answers 500 {@code MI_MODIFIED_ERROR}. */
		MI_MODIFIED_ERROR,
		/** Closes the connection without an answer. */
		DROP_CONNECTION

	}

	/**
	 * One fault.
	 *
	 * @param kind what happens
	 * @param count how many consecutive requests it hits
	 * @param status the status for {@code STATUS}
	 * @param retryAfterSeconds {@code Retry-After} sent with 429/503, or null for none
	 * @param latencyMillis the wait for {@code LATENCY}
	 * @param path only requests whose path contains this (for example {@code $batch}), or
	 * null for any; other requests pass untouched while the fault waits
	 */
	record Fault(Kind kind, Integer count, Integer status, Integer retryAfterSeconds, Long latencyMillis, String path) {

		Fault {
			if (kind == null) {
				throw SandboxException
					.badRequest("kind is required: LATENCY, STATUS, MI_MODIFIED_ERROR or DROP_CONNECTION");
			}
			if (kind == Kind.STATUS && (status == null || status < 400 || status > 599)) {
				throw SandboxException.badRequest("a STATUS fault needs a status between 400 and 599");
			}
			count = (count != null) ? count : 1;
			latencyMillis = (latencyMillis != null) ? latencyMillis : 0L;
		}

	}

	private final Deque<Fault> pending = new ArrayDeque<>();

	private int usedOfHead;

	synchronized void add(Fault fault) {
		this.pending.addLast(fault);
	}

	synchronized void clear() {
		this.pending.clear();
		this.usedOfHead = 0;
	}

	/**
	 * Takes the fault for the next request.
	 * @param path the request's path
	 * @return the fault, or null
	 */
	synchronized Fault next(String path) {
		Fault head = this.pending.peekFirst();
		if (head == null || (head.path() != null && !path.contains(head.path()))) {
			return null;
		}
		this.usedOfHead++;
		if (this.usedOfHead >= head.count()) {
			this.pending.removeFirst();
			this.usedOfHead = 0;
		}
		return head;
	}

}
