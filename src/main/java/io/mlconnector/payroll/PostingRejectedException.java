package io.mlconnector.payroll;

import java.util.List;

/**
 * Nothing may be posted for a payroll: an unmapped employee, a missing account, amounts
 * that contradict Gusto's definitions. Carries every problem and what to do about it.
 */
class PostingRejectedException extends RuntimeException {

	private final List<String> problems;

	PostingRejectedException(List<String> problems) {
		super("nothing was posted: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
