package io.mlconnector.sandbox.gusto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated company: departments, locations, employees with jobs, pay schedule and
 * payrolls. Mutated by the admin endpoints and versioned PUTs; guarded by its own lock.
 */
final class SandboxCompany {

	final String uuid;

	final String name;

	final long seed;

	final LocalDate asOf;

	final String payScheduleUuid;

	final List<Department> departments = new ArrayList<>();

	final List<Location> locations = new ArrayList<>();

	final List<Employee> employees = new ArrayList<>();

	final Map<String, Employee> employeesByUuid = new ConcurrentHashMap<>();

	final List<Payroll> payrolls = new ArrayList<>();

	int createdEmployees;

	SandboxCompany(String uuid, String name, long seed, LocalDate asOf) {
		this.uuid = uuid;
		this.name = name;
		this.seed = seed;
		this.asOf = asOf;
		this.payScheduleUuid = id(seed, "pay-schedule", 0);
	}

	void add(Employee employee) {
		this.employees.add(employee);
		this.employeesByUuid.put(employee.uuid, employee);
	}

	Department department(String uuid) {
		return this.departments.stream().filter((d) -> d.uuid.equals(uuid)).findFirst().orElse(null);
	}

	Location location(String uuid) {
		return this.locations.stream().filter((l) -> l.uuid.equals(uuid)).findFirst().orElse(null);
	}

	Payroll payroll(String uuid) {
		return this.payrolls.stream().filter((p) -> p.uuid.equals(uuid)).findFirst().orElse(null);
	}

	/** A uuid derived from the seed: the same company data for the same seed. */
	static String id(long seed, String kind, long index) {
		return UUID.nameUUIDFromBytes((seed + ":" + kind + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * A 32-hex-character version over the updatable attributes (ASSUMPTION: Gusto's is
	 * opaque; it changes only when an updatable attribute changes [DOC idempotency]).
	 */
	static String version(Object... attributes) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			for (Object attribute : attributes) {
				md5.update(String.valueOf(attribute).getBytes(StandardCharsets.UTF_8));
				md5.update((byte) 0);
			}
			return HexFormat.of().formatHex(md5.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class Department {

		final String uuid;

		String title;

		int bump;

		Department(String uuid, String title) {
			this.uuid = uuid;
			this.title = title;
		}

		String version() {
			return SandboxCompany.version(this.title, this.bump);
		}

	}

	static final class Location {

		final String uuid;

		final String street1;

		final String city;

		final String state;

		final String zip;

		Location(String uuid, String street1, String city, String state, String zip) {
			this.uuid = uuid;
			this.street1 = street1;
			this.city = city;
			this.state = state;
			this.zip = zip;
		}

		String version() {
			return SandboxCompany.version(this.street1, this.city, this.state, this.zip);
		}

	}

	static final class Job {

		final String uuid;

		final String compensationUuid;

		final String title;

		final boolean hourly;

		/** Hourly rate or annual salary, in cents. */
		final long rateCents;

		final LocalDate hireDate;

		final boolean primary;

		/** Where the job is worked now; a relocation moves it. */
		Location location;

		Job(String uuid, String compensationUuid, String title, boolean hourly, long rateCents, LocalDate hireDate,
				boolean primary, Location location) {
			this.uuid = uuid;
			this.compensationUuid = compensationUuid;
			this.title = title;
			this.hourly = hourly;
			this.rateCents = rateCents;
			this.hireDate = hireDate;
			this.primary = primary;
			this.location = location;
		}

	}

	/** A work address the employee had before. */
	record PastAddress(Location location, LocalDate effectiveDate) {

	}

	static final class Employee {

		final String uuid;

		final int index;

		String firstName;

		String lastName;

		String email;

		Department department;

		final List<Job> jobs = new ArrayList<>();

		LocalDate hiredAt;

		/**
		 * Since when the current work location applies; {@code null} means since hire.
		 */
		LocalDate locatedSince;

		/** Earlier work addresses, oldest first. */
		final List<PastAddress> pastAddresses = new ArrayList<>();

		LocalDate terminatedOn;

		String terminationUuid;

		boolean enrolled401k;

		boolean medical;

		boolean childSupport;

		/** {@code Direct Deposit} or {@code Check}: Gusto debits only direct deposits. */
		String paymentMethod = "Direct Deposit";

		int bump;

		Employee(String uuid, int index) {
			this.uuid = uuid;
			this.index = index;
		}

		String version() {
			return SandboxCompany.version(this.firstName, this.lastName, this.email,
					(this.department != null) ? this.department.uuid : null, this.terminatedOn, this.bump);
		}

		/**
		 * Moves the employee's jobs to another work location from a day on; the current
		 * address becomes a past one.
		 */
		void relocate(Location location, LocalDate effective) {
			Location current = this.jobs.get(0).location;
			this.pastAddresses
				.add(new PastAddress(current, (this.locatedSince != null) ? this.locatedSince : this.hiredAt));
			this.jobs.forEach((job) -> job.location = location);
			this.locatedSince = effective;
			this.bump++;
		}

		boolean paidIn(LocalDate start, LocalDate end) {
			return !this.hiredAt.isAfter(end) && (this.terminatedOn == null || !this.terminatedOn.isBefore(start));
		}

	}

	enum Kind {

		REGULAR, BONUS, REVERSAL

	}

	static final class Payroll {

		final String uuid;

		final int number;

		final Kind kind;

		final LocalDate start;

		final LocalDate end;

		final LocalDate checkDate;

		boolean processed;

		boolean cancelled;

		LocalDate processedDate;

		/** The payroll this one reverses. */
		Payroll reverses;

		final List<String> reversedBy = new ArrayList<>();

		/** Employees paid, fixed when the payroll is processed. */
		List<Employee> paid;

		/** Computed once processed: per employee amounts, totals. */
		PayrollCalculator.Result result;

		Payroll(String uuid, int number, Kind kind, LocalDate start, LocalDate end, LocalDate checkDate) {
			this.uuid = uuid;
			this.number = number;
			this.kind = kind;
			this.start = start;
			this.end = end;
			this.checkDate = checkDate;
		}

	}

}
