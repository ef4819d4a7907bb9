package io.mlconnector.sandbox.visma;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One Visma company's data: employees, departments, branches, employee classes, calendars
 * and dimension segments. Every write gets a new {@code timeStamp}: eight bytes of a
 * company-wide row version in base64, as SQL Server's rowversion reads (the KB's example
 * ETag {@code AAAAAE0YIiI=} has that form; the encoding itself is an ASSUMPTION). Callers
 * synchronize on the company.
 */
final class SandboxCompany {

	static final class Employee {

		int employeeId;

		String employeeCd;

		String employeeUserId;

		String status = "Active";

		String department;

		String employeeClass;

		String branch;

		String calendar;

		final Map<String, String> contact = new LinkedHashMap<>();

		final Map<String, String> address = new LinkedHashMap<>();

		int contactId;

		int addressId;

		LocalDateTime lastModified;

		String timeStamp;

	}

	static final class Department {

		String departmentId;

		String publicId;

		String description;

		String expenseAccount;

		String expenseSubaccount;

		LocalDateTime lastModified;

		String timeStamp;

	}

	record Branch(String number, String name, boolean active) {

	}

	static final class Segment {

		final String dimensionId;

		final int segmentId;

		final int internalId;

		final String description;

		final int length;

		final String publicId;

		final Map<String, SegmentValue> values = new LinkedHashMap<>();

		LocalDateTime lastModified;

		String timeStamp;

		Segment(String dimensionId, int segmentId, int internalId, String description, int length) {
			this.dimensionId = dimensionId;
			this.segmentId = segmentId;
			this.internalId = internalId;
			this.description = description;
			this.length = length;
			this.publicId = UUID.nameUUIDFromBytes((dimensionId + "/" + segmentId).getBytes()).toString();
		}

	}

	static final class SegmentValue {

		int internalId;

		String valueId;

		String description;

		boolean active;

		String publicId;

		LocalDateTime lastModified;

		String timeStamp;

	}

	final String tenantId;

	final String name;

	private final Clock clock;

	private final ZoneId zone;

	private long rowVersion = 0x4D18_2200L;

	private int nextInternalId = 1;

	/** Employees by internal id: the order of lists and pages. */
	final TreeMap<Integer, Employee> employeesById = new TreeMap<>();

	final Map<String, Employee> employeesByCd = new HashMap<>();

	final Map<String, Department> departments = new LinkedHashMap<>();

	final Map<String, Branch> branches = new LinkedHashMap<>();

	final Map<String, String> employeeClasses = new LinkedHashMap<>();

	final Map<String, String> calendars = new LinkedHashMap<>();

	/** Dimension id to segment number to segment. */
	final Map<String, Map<Integer, Segment>> dimensions = new LinkedHashMap<>();

	SandboxCompany(String tenantId, String name, Clock clock, ZoneId zone) {
		this.tenantId = tenantId;
		this.name = name;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * A new version: the next row version as a {@code timeStamp}.
	 * @return the timeStamp
	 */
	String nextTimeStamp() {
		this.rowVersion++;
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(this.rowVersion).array());
	}

	int nextInternalId() {
		return this.nextInternalId++;
	}

	/**
	 * The server's local time, to the millisecond (the zone is configurable: Visma does
	 * not document it).
	 * @return now
	 */
	LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(this.zone)).truncatedTo(ChronoUnit.MILLIS);
	}

	void touch(Employee employee) {
		employee.lastModified = now();
		employee.timeStamp = nextTimeStamp();
	}

	void add(Employee employee) {
		this.employeesById.put(employee.employeeId, employee);
		this.employeesByCd.put(employee.employeeCd, employee);
	}

	void clearEmployees() {
		this.employeesById.clear();
		this.employeesByCd.clear();
	}

	Segment segment(String dimensionId, int segmentId) {
		Map<Integer, Segment> segments = this.dimensions.get(dimensionId);
		return (segments != null) ? segments.get(segmentId) : null;
	}

}
