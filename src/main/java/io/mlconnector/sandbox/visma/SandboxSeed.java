package io.mlconnector.sandbox.visma;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What every sandbox company starts with. The departments and branches are the ones the
 * demo tenant's mapping names ({@code mapping.visma-department-by-department} and
 * {@code visma-branch-by-location} in {@code application-sandbox.yml}): one department
 * per department of the Gusto sandbox's generated company, one branch per work location.
 * The ids follow the reference's examples ({@code SALES}, {@code SUPPORT},
 * {@code EMPSTD}, {@code STANDARD}, branch {@code 1}).
 */
final class SandboxSeed {

	/** Department id and description; Gusto sandbox department names in comments. */
	static final String[][] DEPARTMENTS = { { "ENG", "Engineering" }, { "SALES", "Sales" },
			{ "SUPPORT", "Customer Success" }, { "FINANCE", "Finance" }, { "OPS", "Operations" },
			{ "MARKETING", "Marketing" }, { "PEOPLE", "People" } };

	/** Branch number and name, one per Gusto sandbox work location. */
	static final String[][] BRANCHES = { { "1", "San Francisco (head office)" }, { "2", "Austin" },
			{ "3", "New York" } };

	private static final String[] FIRST = { "Kari", "Ola", "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace",
			"Hiro" };

	private static final String[] LAST = { "Nordmann", "Hansen", "Nguyen", "Smith", "Garcia", "Okafor", "Larsen" };

	private SandboxSeed() {
	}

	static void seed(SandboxCompany company, int employees, long seed) {
		company.departments.clear();
		company.branches.clear();
		company.employeeClasses.clear();
		company.calendars.clear();
		company.dimensions.clear();
		company.clearEmployees();
		for (String[] department : DEPARTMENTS) {
			SandboxCompany.Department created = new SandboxCompany.Department();
			created.departmentId = department[0];
			created.description = department[1];
			created.publicId = UUID.nameUUIDFromBytes((company.tenantId + "/department/" + department[0]).getBytes())
				.toString();
			created.expenseAccount = "7790";
			created.lastModified = company.now();
			created.timeStamp = company.nextTimeStamp();
			company.departments.put(created.departmentId, created);
		}
		for (String[] branch : BRANCHES) {
			company.branches.put(branch[0], new SandboxCompany.Branch(branch[0], branch[1], true));
		}
		company.employeeClasses.put("EMPSTD", "Standard employee");
		company.employeeClasses.put("EMPHOURLY", "Hourly employee");
		company.calendars.put("STANDARD", "Standard calendar");
		// cost-centre values in the style of the reference's example ("100")
		SandboxCompany.Segment departments = new SandboxCompany.Segment("SUBACCOUNT", 1, 101, "Department", 10);
		for (int i = 0; i < DEPARTMENTS.length; i++) {
			addValue(company, departments, String.valueOf(100 * (i + 1)), DEPARTMENTS[i][1]);
		}
		SandboxCompany.Segment locations = new SandboxCompany.Segment("SUBACCOUNT", 2, 102, "Location", 10);
		for (String[] branch : BRANCHES) {
			addValue(company, locations, "LOC" + branch[0], branch[1]);
		}
		departments.lastModified = company.now();
		departments.timeStamp = company.nextTimeStamp();
		locations.lastModified = company.now();
		locations.timeStamp = company.nextTimeStamp();
		company.dimensions.computeIfAbsent("SUBACCOUNT", (id) -> new java.util.LinkedHashMap<>()).put(1, departments);
		company.dimensions.get("SUBACCOUNT").put(2, locations);
		company.dimensions.put("EMPLOYEE", new java.util.LinkedHashMap<>());
		employees(company, employees, seed);
	}

	static void addValue(SandboxCompany company, SandboxCompany.Segment segment, String valueId, String description) {
		SandboxCompany.SegmentValue value = new SandboxCompany.SegmentValue();
		value.internalId = company.nextInternalId();
		value.valueId = valueId;
		value.description = description;
		value.active = true;
		value.publicId = UUID.nameUUIDFromBytes((segment.publicId + "/" + valueId).getBytes()).toString();
		value.lastModified = company.now();
		value.timeStamp = company.nextTimeStamp();
		segment.values.put(valueId, value);
	}

	/**
	 * Replaces the company's employees with generated ones: {@code E00001}, ... spread
	 * over the departments and branches, every tenth on hold or inactive.
	 */
	static void employees(SandboxCompany company, int count, long seed) {
		company.clearEmployees();
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 1; i <= count; i++) {
			SandboxCompany.Employee employee = new SandboxCompany.Employee();
			employee.employeeId = company.nextInternalId();
			employee.employeeCd = String.format("E%05d", i);
			employee.employeeUserId = UUID.nameUUIDFromBytes((company.tenantId + "/user/" + i).getBytes()).toString();
			employee.status = (i % 10 == 3) ? "Inactive" : (i % 50 == 7) ? "OnHold" : "Active";
			employee.department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)][0];
			employee.branch = BRANCHES[random.nextInt(BRANCHES.length)][0];
			employee.employeeClass = (i % 3 == 0) ? "EMPHOURLY" : "EMPSTD";
			employee.calendar = "STANDARD";
			String first = FIRST[random.nextInt(FIRST.length)];
			String last = LAST[random.nextInt(LAST.length)];
			employee.contact.put("firstName", first);
			employee.contact.put("lastName", last);
			employee.contact.put("email", first.toLowerCase() + "." + last.toLowerCase() + i + "@example.com");
			employee.contactId = company.nextInternalId();
			employee.addressId = company.nextInternalId();
			employee.address.put("countryId", "US");
			company.touch(employee);
			company.add(employee);
		}
	}

}
