package io.mlconnector.inbox;

/**
 * The database does not keep up: the event was not stored and the sender should retry.
 */
class InboxBusyException extends RuntimeException {

	InboxBusyException(String message, Throwable cause) {
		super(message, cause);
	}

}
