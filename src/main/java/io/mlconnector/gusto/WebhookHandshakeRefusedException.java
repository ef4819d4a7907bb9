package io.mlconnector.gusto;

/**
 * An unsigned webhook handshake POST that this service refuses, with a reason for the
 * answer's {@code error} field.
 */
public class WebhookHandshakeRefusedException extends RuntimeException {

	private final String reason;

	private final boolean retryLater;

	WebhookHandshakeRefusedException(String reason, String message, boolean retryLater) {
		super(message);
		this.reason = reason;
		this.retryLater = retryLater;
	}

	/**
	 * The reason: {@code no_handshake_expected}, {@code handshake_in_progress},
	 * {@code verification_token_refused}.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * Whether the sender may try again shortly (another handshake is running, or Gusto's
	 * budget has no permit free now).
	 * @return whether to answer 429
	 */
	public boolean retryLater() {
		return this.retryLater;
	}

}
