package io.mlconnector.inbox;

/**
 * Where an inbox event is in its life.
 */
public enum InboxStatus {

	/** Stored, waiting for the dispatcher (or for a route to be registered). */
	RECEIVED,

	/** Claimed by a dispatcher under a lease. */
	PROCESSING,

	/**
	 * Dispatched: it launched (or found running) the job execution in
	 * {@code job_execution_id} and waits for it to end. Its job COMPLETED makes it DONE;
	 * FAILED or STOPPED makes it FAILED (retried, which restarts the job instance); an
	 * ABANDONED execution makes it IGNORED. Counts as pending for the ordering of its
	 * entity's events, and is never claimed again while it waits.
	 */
	RUNNING,

	/**
	 * Handled: its job completed, there was nothing to do, or a later event made it
	 * redundant.
	 */
	DONE,

	/** Handling failed; retried from {@code next_attempt_at}. */
	FAILED,

	/** Failed too often; an operator replays it after fixing the cause. */
	DEAD,

	/**
	 * Stored but not acted on, with the reason (unknown tenant, disabled tenant, its job
	 * execution abandoned by an operator...).
	 */
	IGNORED

}
