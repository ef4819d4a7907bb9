package io.mlconnector.allocation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.gusto.GustoJob;
import io.mlconnector.gusto.GustoWorkAddress;

/**
 * Employee profiles from Gusto's records: department, the primary job's work location,
 * and the jobs; and the work location in effect on a given day from Gusto's dated work
 * addresses.
 */
public final class EmployeeProfiles {

	private EmployeeProfiles() {
	}

	/**
	 * The profiles of Gusto employees, located at their primary job's location (the first
	 * job's when none is primary).
	 * @param employees the employees
	 * @return the profiles by employee uuid, in Gusto's order
	 */
	public static Map<String, EmployeeProfile> from(List<GustoEmployee> employees) {
		Map<String, EmployeeProfile> profiles = new LinkedHashMap<>();
		for (GustoEmployee employee : employees) {
			profiles.put(employee.uuid(), of(employee));
		}
		return profiles;
	}

	/**
	 * The profile of one Gusto employee, located at the primary job's location (the first
	 * job's when none is primary).
	 * @param employee the employee
	 * @return the profile
	 */
	public static EmployeeProfile of(GustoEmployee employee) {
		List<EmployeeProfile.Job> jobs = employee.jobs()
			.stream()
			.map((job) -> new EmployeeProfile.Job(job.uuid(), job.title(), Boolean.TRUE.equals(job.primary())))
			.toList();
		String location = employee.jobs()
			.stream()
			.filter((job) -> Boolean.TRUE.equals(job.primary()))
			.map(GustoJob::locationUuid)
			.findFirst()
			.orElse(employee.jobs().isEmpty() ? null : employee.jobs().get(0).locationUuid());
		return new EmployeeProfile(employee.uuid(), employee.department(), location, jobs);
	}

	/**
	 * The work location in effect on a day: of the work addresses whose
	 * {@code effective_date} is on or before the day, the latest. When none is (an
	 * employee hired into a location after the day), the earliest address; when no
	 * address has a date, the active one.
	 * @param addresses the employee's work addresses from Gusto
	 * @param day the day, for a payroll the last day of the pay period
	 * @return the location uuid, empty when Gusto lists no address with a location
	 */
	public static Optional<String> locationOn(List<GustoWorkAddress> addresses, LocalDate day) {
		List<GustoWorkAddress> dated = addresses.stream()
			.filter((address) -> address.locationUuid() != null && address.effectiveDate() != null)
			.sorted(Comparator.comparing(GustoWorkAddress::effectiveDate))
			.toList();
		Optional<GustoWorkAddress> inEffect = dated.stream()
			.filter((address) -> !address.effectiveDate().isAfter(day))
			.reduce((earlier, later) -> later)
			.or(() -> dated.stream().findFirst())
			.or(() -> addresses.stream()
				.filter((address) -> address.locationUuid() != null && Boolean.TRUE.equals(address.active()))
				.findFirst());
		return inEffect.map(GustoWorkAddress::locationUuid);
	}

}
