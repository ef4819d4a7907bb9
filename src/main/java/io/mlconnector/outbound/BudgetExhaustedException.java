package io.mlconnector.outbound;

import java.time.Duration;

/**
 * A permit of a shared request budget is not available within the wait the caller
 * accepts; nothing was reserved. Retryable like a 429 (it is one, raised before the
 * request leaves).
 */
public class BudgetExhaustedException extends RetryAfterException {

	public BudgetExhaustedException(String budget, Duration retryAfter) {
		super("the outbound request budget " + budget + " has no permit available now"
				+ ((retryAfter != null) ? "; the next is free in " + retryAfter.toMillis() + " ms" : "")
				+ "; try again later", retryAfter);
	}

}
