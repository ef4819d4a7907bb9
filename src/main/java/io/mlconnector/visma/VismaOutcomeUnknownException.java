package io.mlconnector.visma;

/**
 * A create (POST) got no answer, a timeout or a 5xx: Visma may or may not have created
 * the record, and it documents no idempotency for POST. Look the record up (by
 * {@code employeeCd}) before creating it again.
 */
public class VismaOutcomeUnknownException extends VismaException {

	public VismaOutcomeUnknownException(String message, int status, VismaError error, Throwable cause) {
		super(message, status, error, cause);
	}

}
