package io.mlconnector.visma;

/**
 * Visma answered with an error that retrying will not fix (400, 403, 404, 405, ...), or a
 * retryable one whose retries are used up. Carries the HTTP status and Visma's error
 * body.
 */
public class VismaException extends RuntimeException {

	private final int status;

	private final VismaError error;

	public VismaException(String message, int status, VismaError error) {
		this(message, status, error, null);
	}

	public VismaException(String message, int status, VismaError error, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.error = (error != null) ? error : VismaError.NONE;
	}

	/**
	 * The HTTP status, 0 when there was no answer.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	public VismaError error() {
		return this.error;
	}

}
