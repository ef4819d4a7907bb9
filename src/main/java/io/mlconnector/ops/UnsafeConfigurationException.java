package io.mlconnector.ops;

import java.util.List;

/**
 * Start-up is refused because a secret is weak, missing, or a publicly known sandbox
 * value, or because the sandbox would run next to production.
 */
class UnsafeConfigurationException extends RuntimeException {

	private final List<String> problems;

	UnsafeConfigurationException(List<String> problems) {
		super("The configuration is not safe to run:" + System.lineSeparator() + "    "
				+ String.join(System.lineSeparator() + "    ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
