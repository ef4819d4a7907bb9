package io.mlconnector.inbox;

import org.springframework.http.HttpStatus;

/**
 * A request the inbox refuses, with the status and a short machine-readable reason.
 */
class InboxRequestException extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	InboxRequestException(HttpStatus status, String reason, String message) {
		super(message);
		this.status = status;
		this.reason = reason;
	}

	HttpStatus status() {
		return this.status;
	}

	String reason() {
		return this.reason;
	}

}
