package io.mlconnector.inbox;

/**
 * Where an inbox event is in its life.
 */
public enum InboxStatus {

	/** Stored, waiting for the dispatcher (or for a route to be registered). */
	RECEIVED,

	/** Claimed by a dispatcher under a lease. */
	PROCESSING,

	/** Handled: its job was launched, or a later event made it redundant. */
	DONE,

	/** Handling failed; retried from {@code next_attempt_at}. */
	FAILED,

	/** Failed too often; an operator replays it after fixing the cause. */
	DEAD,

	/** Stored but not acted on, with the reason (unknown tenant, disabled tenant...). */
	IGNORED

}
