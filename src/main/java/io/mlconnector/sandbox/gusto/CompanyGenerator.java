package io.mlconnector.sandbox.gusto;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;

import io.mlconnector.sandbox.gusto.SandboxCompany.Department;
import io.mlconnector.sandbox.gusto.SandboxCompany.Employee;
import io.mlconnector.sandbox.gusto.SandboxCompany.Job;
import io.mlconnector.sandbox.gusto.SandboxCompany.Kind;
import io.mlconnector.sandbox.gusto.SandboxCompany.Location;
import io.mlconnector.sandbox.gusto.SandboxCompany.Payroll;

/**
 * Generates a company deterministically from a seed and a date: departments, locations,
 * hourly and salaried employees (some with two jobs), hires and terminations, biweekly
 * pay periods with six processed regular payrolls, an off-cycle bonus payroll, a
 * reversal, a cancelled payroll and the next, unprocessed regular payroll.
 */
final class CompanyGenerator {

	static final int MAX_EMPLOYEES = 50_000;

	private static final String[] DEPARTMENTS = { "Engineering", "Sales", "Customer Success", "Finance", "Operations",
			"Marketing", "People" };

	private static final String[][] LOCATIONS = { { "300 3rd Street", "San Francisco", "CA", "94107" },
			{ "500 Congress Avenue", "Austin", "TX", "78701" }, { "11 Madison Avenue", "New York", "NY", "10010" } };

	private static final String[] FIRST = { "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
			"Jamal", "Kira", "Luis", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tess" };

	private static final String[] LAST = { "Nguyen", "Smith", "Garcia", "Okafor", "Kowalski", "Haddad", "Tanaka",
			"Silva", "Murphy", "Larsen", "Rossi", "Patel", "Cohen", "Dubois", "Yilmaz" };

	private static final String[] TITLES = { "Engineer", "Account Executive", "Support Specialist", "Accountant",
			"Operations Analyst", "Marketing Manager", "Recruiter" };

	private CompanyGenerator() {
	}

	static SandboxCompany generate(String uuid, int employees, long seed, LocalDate asOf) {
		return generate(uuid, employees, seed, seed, asOf);
	}

	/**
	 * A company whose work locations are those of another seed's company: a test can
	 * reuse the locations a tenant's mapping names (the demo's, seed 42) with employees
	 * and payroll uuids of its own.
	 */
	static SandboxCompany generate(String uuid, int employees, long seed, long locationSeed, LocalDate asOf) {
		if (employees < 1 || employees > MAX_EMPLOYEES) {
			throw new IllegalArgumentException(
					"employees must be between 1 and " + MAX_EMPLOYEES + ", was " + employees);
		}
		SandboxCompany company = new SandboxCompany((uuid != null) ? uuid : SandboxCompany.id(seed, "company", 0),
				"Sandbox Co " + seed, seed, asOf);
		for (int i = 0; i < DEPARTMENTS.length; i++) {
			company.departments.add(new Department(SandboxCompany.id(seed, "department", i), DEPARTMENTS[i]));
		}
		for (int i = 0; i < LOCATIONS.length; i++) {
			String[] l = LOCATIONS[i];
			company.locations.add(new Location(SandboxCompany.id(locationSeed, "location", i), l[0], l[1], l[2], l[3]));
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < employees; i++) {
			company.add(employee(company, random, i, asOf.minusDays(30 + random.nextInt(1500))));
		}
		company.createdEmployees = employees;
		schedule(company, asOf);
		return company;
	}

	static Employee employee(SandboxCompany company, SplittableRandom random, int index, LocalDate hired) {
		long seed = company.seed;
		Employee employee = new Employee(SandboxCompany.id(seed, "employee", index), index);
		employee.firstName = FIRST[random.nextInt(FIRST.length)];
		employee.lastName = LAST[random.nextInt(LAST.length)];
		employee.email = employee.firstName.toLowerCase() + "." + employee.lastName.toLowerCase() + index
				+ "@example.com";
		int department = random.nextInt(company.departments.size());
		employee.department = company.departments.get(department);
		employee.hiredAt = hired;
		Location location = company.locations.get(random.nextInt(company.locations.size()));
		boolean hourly = index % 3 == 0;
		long rate = hourly ? 1_500L + 25L * random.nextInt(181) : 4_000_000L + 100_000L * random.nextInt(161);
		employee.jobs.add(
				new Job(SandboxCompany.id(seed, "job", index * 2L), SandboxCompany.id(seed, "compensation", index * 2L),
						TITLES[department], hourly, rate, hired, true, location));
		if (index % 20 == 7) {
			employee.jobs.add(new Job(SandboxCompany.id(seed, "job", index * 2L + 1),
					SandboxCompany.id(seed, "compensation", index * 2L + 1), "Weekend Support", true,
					1_800L + 25L * random.nextInt(40), hired.plusDays(30), false, location));
		}
		employee.enrolled401k = index % 2 == 0;
		employee.medical = index % 3 != 2;
		employee.childSupport = index % 37 == 5;
		// a few employees are paid by paper check: their net pay stays payable
		employee.paymentMethod = (index % 17 == 9) ? "Check" : "Direct Deposit";
		if (index % 29 == 13) {
			LocalDate terminated = company.asOf.minusDays(1 + random.nextInt(200));
			if (terminated.isAfter(hired)) {
				employee.terminatedOn = terminated;
				employee.terminationUuid = SandboxCompany.id(seed, "termination", index);
			}
		}
		return employee;
	}

	private static void schedule(SandboxCompany company, LocalDate asOf) {
		LocalDate lastEnd = asOf.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
		int number = 0;
		for (int k = 5; k >= 0; k--) {
			LocalDate end = lastEnd.minusDays(14L * k);
			Payroll payroll = regular(company, ++number, end);
			process(company, payroll, end.plusDays(3));
		}
		Payroll fifth = company.payrolls.get(4);
		Payroll bonus = new Payroll(SandboxCompany.id(company.seed, "payroll", ++number), number, Kind.BONUS,
				fifth.start, fifth.end, fifth.checkDate.plusDays(1));
		company.payrolls.add(bonus);
		bonus.paid = company.employees.stream()
			.filter((e) -> e.index % 4 == 0 && e.paidIn(bonus.start, bonus.end))
			.toList();
		process(company, bonus, bonus.checkDate.minusDays(2));
		Payroll second = company.payrolls.get(1);
		Payroll reversal = new Payroll(SandboxCompany.id(company.seed, "payroll", ++number), number, Kind.REVERSAL,
				second.start, second.end, second.checkDate.plusDays(10));
		reversal.reverses = second;
		reversal.paid = second.paid;
		company.payrolls.add(reversal);
		second.reversedBy.add(reversal.uuid);
		process(company, reversal, reversal.checkDate.minusDays(2));
		Payroll cancelled = new Payroll(SandboxCompany.id(company.seed, "payroll", ++number), number, Kind.BONUS,
				fifth.start, fifth.end, fifth.checkDate.plusDays(2));
		cancelled.cancelled = true;
		company.payrolls.add(cancelled);
		regular(company, ++number, lastEnd.plusDays(14));
	}

	static Payroll regular(SandboxCompany company, int number, LocalDate end) {
		Payroll payroll = new Payroll(SandboxCompany.id(company.seed, "payroll", number), number, Kind.REGULAR,
				end.minusDays(13), end, end.plusDays(5));
		company.payrolls.add(payroll);
		return payroll;
	}

	static void process(SandboxCompany company, Payroll payroll, LocalDate processedOn) {
		if (payroll.paid == null) {
			payroll.paid = company.employees.stream().filter((e) -> e.paidIn(payroll.start, payroll.end)).toList();
		}
		payroll.processed = true;
		payroll.processedDate = processedOn;
		payroll.result = PayrollCalculator.calculate(company, payroll);
	}

	/**
	 * Reverses a processed payroll the way Gusto does: a new off-cycle payroll (reason
	 * {@code Reversal}) with the negated amounts of the reversed employees, listed in the
	 * original's {@code reversal_payroll_uuids}.
	 * @param company the company
	 * @param original the payroll to reverse
	 * @param employees the employees whose pay is reversed (all when empty)
	 * @param today the processing date
	 * @return the reversal payroll
	 */
	static Payroll reverse(SandboxCompany company, Payroll original, java.util.Set<String> employees, LocalDate today) {
		int number = company.payrolls.stream().mapToInt((p) -> p.number).max().orElse(0) + 1;
		Payroll reversal = new Payroll(SandboxCompany.id(company.seed, "payroll", number), number, Kind.REVERSAL,
				original.start, original.end, today.plusDays(2));
		reversal.reverses = original;
		reversal.paid = original.paid.stream()
			.filter((e) -> employees.isEmpty() || employees.contains(e.uuid))
			.toList();
		company.payrolls.add(reversal);
		original.reversedBy.add(reversal.uuid);
		process(company, reversal, today);
		return reversal;
	}

	/**
	 * Processes the next regular payroll and schedules the one after it.
	 * @return the processed payroll
	 */
	static Payroll processNext(SandboxCompany company, LocalDate today) {
		Payroll next = company.payrolls.stream()
			.filter((p) -> p.kind == Kind.REGULAR && !p.processed && !p.cancelled)
			.findFirst()
			.orElseThrow();
		process(company, next, today);
		int number = company.payrolls.stream().mapToInt((p) -> p.number).max().orElse(0) + 1;
		regular(company, number, next.end.plusDays(14));
		return next;
	}

}
