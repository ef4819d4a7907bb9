package io.mlconnector.tenant;

import java.util.List;

/**
 * Thrown at start-up when tenant configuration is incomplete or wrong. The message lists
 * every offending key with what to do about it.
 */
public class InvalidTenantConfigurationException extends RuntimeException {

	private final List<String> problems;

	InvalidTenantConfigurationException(List<String> problems) {
		super("Tenant configuration is invalid:\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Each problem as {@code <key>: <what to do>}.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
