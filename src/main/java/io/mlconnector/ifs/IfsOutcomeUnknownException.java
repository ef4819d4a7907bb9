package io.mlconnector.ifs;

/**
 * A create (POST or {@code $batch}) got no answer: it may or may not have been applied.
 * IFS has no idempotency [OBS], so it is not retried; look the record up by its unique
 * reference before creating it again.
 */
public class IfsOutcomeUnknownException extends RuntimeException {

	public IfsOutcomeUnknownException(String message, Throwable cause) {
		super(message, cause);
	}

}
