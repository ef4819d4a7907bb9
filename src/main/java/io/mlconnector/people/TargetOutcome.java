package io.mlconnector.people;

/**
 * What syncing one employee did to one target system.
 *
 * @param status what happened
 * @param key the target's key of the employee (IFS resource keys as JSON, Visma employee
 * number), or {@code null}
 * @param detail what was written, or what to fix
 * @param writes how many write requests were sent
 */
record TargetOutcome(Status status, String key, String detail, int writes) {

	static TargetOutcome failed(String fix) {
		return new TargetOutcome(Status.FAILED, null, fix, 0);
	}

	static TargetOutcome skipped(String why) {
		return new TargetOutcome(Status.SKIPPED, null, why, 0);
	}

	/**
	 * What happened to the target.
	 */
	enum Status {

		/** The target holds the employee as Gusto has it (written now, or already). */
		SYNCED,

		/** Nothing to hold: the employee left before the target ever had them. */
		SKIPPED,

		/** The employee cannot be synced until the message's fix is made. */
		FAILED

	}

}
