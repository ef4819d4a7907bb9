package io.mlconnector.people;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.allocation.EmployeeProfiles;
import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.gusto.GustoTermination;

/**
 * A Gusto employee as the people sync needs it: who, employed or not, and where
 * (department, work location, jobs). Gusto is authoritative; IFS and Visma follow.
 *
 * @param employeeUuid Gusto employee uuid
 * @param version Gusto's object version of the employee as read
 * @param firstName the preferred first name, else the legal one
 * @param lastName the last name
 * @param email the work email, else the personal one
 * @param active whether Gusto shows the employee employed (not terminated)
 * @param hiredOn the hire date, if Gusto has one
 * @param terminatedOn the effective date of the latest termination, if any
 * @param profile department, work location and jobs, for the allocation
 */
record Person(String employeeUuid, String version, String firstName, String lastName, String email, boolean active,
		LocalDate hiredOn, LocalDate terminatedOn, EmployeeProfile profile) {

	/** What every IFS resource reference the people sync writes starts with. */
	static final String REFERENCE_PREFIX = "GUSTO:";

	/** What every Visma employee number the people sync gives starts with. */
	static final String VISMA_PREFIX = "G";

	static Person of(GustoEmployee employee) {
		EmployeeProfile profile = EmployeeProfiles.of(employee);
		LocalDate terminatedOn = employee.terminations()
			.stream()
			.filter((termination) -> termination.effectiveDate() != null)
			.filter((termination) -> !Boolean.FALSE.equals(termination.active()))
			.map(GustoTermination::effectiveDate)
			.max(Comparator.naturalOrder())
			.orElse(null);
		String first = (employee.preferredFirstName() != null && !employee.preferredFirstName().isBlank())
				? employee.preferredFirstName() : employee.firstName();
		String email = (employee.workEmail() != null && !employee.workEmail().isBlank()) ? employee.workEmail()
				: employee.email();
		boolean active = !Boolean.TRUE.equals(employee.terminated());
		return new Person(employee.uuid(), employee.version(), first, employee.lastName(), email, active,
				employee.hiredAt(), active ? null : terminatedOn, profile);
	}

	String name() {
		return String
			.join(" ",
					List.of((this.firstName != null) ? this.firstName : "",
							(this.lastName != null) ? this.lastName : ""))
			.trim();
	}

	/**
	 * The unique reference the IFS resource carries.
	 */
	String reference() {
		return REFERENCE_PREFIX + this.employeeUuid;
	}

	/**
	 * The Visma employee number of this employee: derived from the Gusto uuid, so a
	 * repeat after a crash between Visma's answer and our record finds the employee
	 * instead of creating a second (Visma documents no idempotency for POST).
	 * [ASSUMPTION] Visma accepts 10-character employee numbers.
	 */
	String vismaEmployeeCd() {
		return VISMA_PREFIX + this.employeeUuid.replace("-", "").substring(0, 9).toUpperCase(java.util.Locale.ROOT);
	}

}
