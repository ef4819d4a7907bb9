package io.mlconnector.inbox;

import java.util.Set;

/**
 * What the dispatcher does with events of some types. Flows register routes as beans;
 * events of types no route claims stay RECEIVED (not lost, not failed) until a route for
 * them exists.
 */
public interface InboxRoute {

	/**
	 * The source of the events this route handles.
	 * @return the source
	 */
	InboxSource source();

	/**
	 * The event types this route handles.
	 * @return exact event types, for example {@code payroll.processed}
	 */
	Set<String> eventTypes();

	/**
	 * Whether a later event of the same entity and route makes an earlier one redundant,
	 * as for syncs that read the entity's current state. Redundant events are recorded as
	 * DONE with the event that superseded them.
	 * @return whether events coalesce
	 */
	default boolean coalesce() {
		return false;
	}

	/**
	 * Handles an event. Must be idempotent: an event whose dispatcher died is dispatched
	 * again after its lease expired.
	 * @param event the event
	 * @return what was done
	 * @throws Exception to have the event retried with backoff (and DEAD after the
	 * configured attempts)
	 */
	Dispatched dispatch(InboxEvent event) throws Exception;

	/**
	 * The result of a dispatch. With a job execution the event is RUNNING until that
	 * execution ends, and its outcome decides the event's (DONE, FAILED and retried, or
	 * IGNORED when abandoned); without one the event is DONE at once.
	 *
	 * @param jobExecutionId the job execution launched or found running, if any
	 * @param note what happened, recorded with the event
	 */
	record Dispatched(Long jobExecutionId, String note) {

	}

}
