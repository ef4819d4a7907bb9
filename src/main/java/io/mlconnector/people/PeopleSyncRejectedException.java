package io.mlconnector.people;

import java.util.List;

/**
 * An employee cannot be synced until something is fixed; each problem says what.
 */
class PeopleSyncRejectedException extends RuntimeException {

	private final List<String> problems;

	PeopleSyncRejectedException(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
