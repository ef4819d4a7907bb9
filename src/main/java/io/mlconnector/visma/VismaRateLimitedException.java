package io.mlconnector.visma;

import java.time.Duration;

/**
 * The hourly limit of the company and client is used up and its window resets later than
 * {@code mlc.visma.max-rate-limit-wait}: the request was not sent (or was refused with
 * 429). Retry after {@link #resetIn()}.
 */
public class VismaRateLimitedException extends VismaException {

	private final transient Duration resetIn;

	public VismaRateLimitedException(String message, Duration resetIn, VismaError error) {
		super(message, 429, error);
		this.resetIn = resetIn;
	}

	public Duration resetIn() {
		return this.resetIn;
	}

}
