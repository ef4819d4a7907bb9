package io.mlconnector.people;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.mlconnector.tenant.PeopleMapping;
import io.mlconnector.visma.VismaClient;
import io.mlconnector.visma.VismaConflictException;
import io.mlconnector.visma.VismaEmployee;
import io.mlconnector.visma.VismaEmployeeChange;
import io.mlconnector.visma.VismaEmployeeStatus;

/**
 * The Visma side of the people sync: one Visma employee per Gusto employee, numbered from
 * the Gusto uuid ({@link Person#vismaEmployeeCd()}) and looked up before every create;
 * department and branch from the tenant's people mapping (a missing mapping fails the
 * employee with the key to add, never a default); leavers Inactive, rehires Active again
 * as the same Visma employee. Updates go with the {@code timeStamp} read last; a conflict
 * re-reads once.
 */
final class VismaEmployees {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final VismaClient visma;

	private final PeopleMapping mapping;

	private final Function<String, VismaEmployee> lookup;

	/**
	 * Syncs looking each employee up in Visma first.
	 */
	VismaEmployees(VismaClient visma, PeopleMapping mapping) {
		this(visma, mapping, null);
	}

	/**
	 * Syncs looking employees up by number with the given look-up (the sweep's snapshot
	 * of Visma), which answers {@code null} for an employee Visma does not hold.
	 */
	VismaEmployees(VismaClient visma, PeopleMapping mapping, Function<String, VismaEmployee> lookup) {
		this.visma = visma;
		this.mapping = mapping;
		this.lookup = (lookup != null) ? lookup : (employeeCd) -> visma.findEmployee(employeeCd).block(TIMEOUT);
	}

	/**
	 * Makes Visma hold the employee as Gusto has them.
	 * @param person the employee
	 * @return what was done
	 */
	TargetOutcome sync(Person person) {
		String department = person.profile().department();
		String location = person.profile().workLocationUuid();
		List<String> problems = new ArrayList<>();
		String vismaDepartment = (department != null) ? this.mapping.vismaDepartmentByDepartment().get(department)
				: null;
		if (vismaDepartment == null) {
			problems.add("Visma: no Visma department for Gusto department "
					+ ((department != null) ? "'" + department + "'" : "(none)")
					+ ": add mapping.visma-department-by-department." + bracketed(department)
					+ " with a department that exists in Visma");
		}
		String branch = (location != null) ? this.mapping.vismaBranchByLocation().get(location) : null;
		if (branch == null) {
			problems.add("Visma: no Visma branch for Gusto work location " + location
					+ ": add mapping.visma-branch-by-location." + location);
		}
		if (!problems.isEmpty()) {
			return TargetOutcome.failed(String.join("; ", problems));
		}
		String employeeCd = person.vismaEmployeeCd();
		VismaEmployee current = this.lookup.apply(employeeCd);
		VismaEmployeeStatus status = person.active() ? VismaEmployeeStatus.ACTIVE : VismaEmployeeStatus.INACTIVE;
		if (current == null) {
			if (!person.active()) {
				return TargetOutcome.skipped("Visma: employee left before a Visma employee was created; none is");
			}
			if (blank(this.mapping.vismaEmployeeClass()) || blank(this.mapping.vismaCalendar())) {
				return TargetOutcome.failed("Visma: set mapping.visma-employee-class and mapping.visma-calendar "
						+ "(Visma requires both to create employee " + employeeCd + ")");
			}
			this.visma
				.createEmployee(new VismaEmployeeChange(employeeCd, status, vismaDepartment,
						this.mapping.vismaEmployeeClass(), branch, this.mapping.vismaCalendar(), person.firstName(),
						null, person.lastName(), person.email(), null, null, null, null, null))
				.block(TIMEOUT);
			return new TargetOutcome(TargetOutcome.Status.SYNCED, employeeCd, "created", 1);
		}
		try {
			return update(current, person, status, vismaDepartment, branch);
		}
		catch (VismaConflictException ex) {
			// changed in Visma since it was read: read it again and apply once more
			return update(this.visma.employee(employeeCd).block(TIMEOUT), person, status, vismaDepartment, branch);
		}
	}

	private TargetOutcome update(VismaEmployee current, Person person, VismaEmployeeStatus status, String department,
			String branch) {
		VismaEmployee.Contact contact = (current.contact() != null) ? current.contact()
				: new VismaEmployee.Contact(null, null, null, null, null, null);
		boolean same = current.status() == status && Objects.equals(current.department(), department)
				&& Objects.equals(current.branchNumber(), branch)
				&& Objects.equals(contact.firstName(), person.firstName())
				&& Objects.equals(contact.lastName(), person.lastName())
				&& Objects.equals(contact.email(), person.email());
		if (same) {
			return new TargetOutcome(TargetOutcome.Status.SYNCED, current.employeeNumber(), "unchanged", 0);
		}
		this.visma
			.updateEmployee(current.employeeNumber(), current.timeStamp(),
					new VismaEmployeeChange(null, status, department, current.employeeClassId(), branch,
							current.calendarId(), person.firstName(), contact.midName(), person.lastName(),
							person.email(), contact.phone1(), null, null, null, null))
			.block(TIMEOUT);
		return new TargetOutcome(TargetOutcome.Status.SYNCED, current.employeeNumber(), "updated", 1);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String bracketed(String key) {
		if (key == null) {
			return "<department>";
		}
		return key.matches("[A-Za-z0-9_-]+") ? key : "\"[" + key + "]\"";
	}

}
