package io.mlconnector.visma;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An employee's status. The enums differ between read ({@code OnHold}) and write
 * ({@code Hold}) [SPEC-3P {@code EmployeeDto}, {@code EmployeeCreateDTO}]; this type
 * reads both and writes the write name.
 */
public enum VismaEmployeeStatus {

	ACTIVE("Active", "Active"), ON_HOLD("OnHold", "Hold"), HOLD_PAYMENTS("HoldPayments", "HoldPayments"),
	INACTIVE("Inactive", "Inactive"), ONE_TIME("OneTime", "OneTime");

	private final String readName;

	private final String writeName;

	VismaEmployeeStatus(String readName, String writeName) {
		this.readName = readName;
		this.writeName = writeName;
	}

	/**
	 * The name Visma reads in write bodies.
	 * @return e.g. {@code Hold}
	 */
	@JsonValue
	public String writeName() {
		return this.writeName;
	}

	public String readName() {
		return this.readName;
	}

	/**
	 * The status of a read or a write name.
	 * @param name {@code Active}, {@code OnHold} or {@code Hold}, ...
	 * @return the status
	 * @throws IllegalArgumentException for any other name
	 */
	@JsonCreator
	public static VismaEmployeeStatus of(String name) {
		for (VismaEmployeeStatus status : values()) {
			if (status.readName.equals(name) || status.writeName.equals(name)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown Visma employee status '" + name
				+ "' (Active, OnHold/Hold, HoldPayments, Inactive or OneTime)");
	}

}
