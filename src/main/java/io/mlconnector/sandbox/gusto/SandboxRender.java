package io.mlconnector.sandbox.gusto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mlconnector.sandbox.gusto.PayrollCalculator.EmployeePay;
import io.mlconnector.sandbox.gusto.SandboxCompany.Department;
import io.mlconnector.sandbox.gusto.SandboxCompany.Employee;
import io.mlconnector.sandbox.gusto.SandboxCompany.Job;
import io.mlconnector.sandbox.gusto.SandboxCompany.Kind;
import io.mlconnector.sandbox.gusto.SandboxCompany.Location;
import io.mlconnector.sandbox.gusto.SandboxCompany.Payroll;

/**
 * Renders the simulated objects in the shapes of Gusto's 2025-06-15 schemas, with money
 * in the schema's JSON types: strings for totals, fixed and hourly amounts, hours, rates
 * and reimbursements; numbers for per-employee gross/net/check, taxes, benefits and
 * deductions [SPEC].
 */
final class SandboxRender {

	private SandboxRender() {
	}

	static String money(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	static BigDecimal number(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	static String hours(long milli) {
		return BigDecimal.valueOf(milli, 3).toPlainString();
	}

	static Map<String, Object> employee(SandboxCompany company, Employee e) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", e.uuid);
		json.put("first_name", e.firstName);
		json.put("last_name", e.lastName);
		json.put("email", e.email);
		json.put("company_uuid", company.uuid);
		json.put("version", e.version());
		json.put("department", (e.department != null) ? e.department.title : null);
		json.put("department_uuid", (e.department != null) ? e.department.uuid : null);
		json.put("terminated", e.terminatedOn != null);
		json.put("two_percent_shareholder", false);
		json.put("onboarded", true);
		json.put("onboarding_status", "onboarding_completed");
		json.put("historical", false);
		json.put("has_ssn", true);
		json.put("ssn", "");
		json.put("payment_method", e.paymentMethod);
		json.put("current_employment_status", "full_time");
		json.put("employee_code", Integer.toHexString(0x100000 + e.index));
		json.put("title", e.jobs.get(0).title);
		json.put("hired_at", e.hiredAt.toString());
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (Job job : e.jobs) {
			jobs.add(job(e, job));
		}
		json.put("jobs", jobs);
		json.put("eligible_paid_time_off", List.of());
		json.put("terminations", terminations(e));
		json.put("garnishments", List.of());
		return json;
	}

	static List<Map<String, Object>> terminations(Employee e) {
		if (e.terminatedOn == null) {
			return List.of();
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", e.terminationUuid);
		json.put("version", SandboxCompany.version(e.terminationUuid, e.terminatedOn));
		json.put("employee_uuid", e.uuid);
		json.put("active", true);
		json.put("cancelable", false);
		json.put("effective_date", e.terminatedOn.toString());
		json.put("run_termination_payroll", false);
		return List.of(json);
	}

	static Map<String, Object> job(Employee e, Job job) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", job.uuid);
		json.put("version", SandboxCompany.version(job.uuid, job.title, job.rateCents));
		json.put("employee_uuid", e.uuid);
		json.put("hire_date", job.hireDate.toString());
		json.put("title", job.title);
		json.put("primary", job.primary);
		json.put("rate", money(job.rateCents));
		json.put("payment_unit", job.hourly ? "Hour" : "Year");
		json.put("current_compensation_uuid", job.compensationUuid);
		json.put("two_percent_shareholder", false);
		json.put("location_uuid", job.location.uuid);
		json.put("compensations", List.of(compensation(e, job)));
		return json;
	}

	static Map<String, Object> compensation(Employee e, Job job) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", job.compensationUuid);
		json.put("version", SandboxCompany.version(job.compensationUuid, job.rateCents));
		json.put("job_uuid", job.uuid);
		json.put("employee_uuid", e.uuid);
		json.put("rate", money(job.rateCents));
		json.put("payment_unit", job.hourly ? "Hour" : "Year");
		json.put("flsa_status", job.hourly ? "Nonexempt" : "Exempt");
		json.put("effective_date", job.hireDate.toString());
		json.put("adjust_for_minimum_wage", false);
		json.put("minimum_wages", List.of());
		return json;
	}

	static Map<String, Object> department(SandboxCompany company, Department d) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", d.uuid);
		json.put("company_uuid", company.uuid);
		json.put("title", d.title);
		json.put("version", d.version());
		json.put("employees",
				company.employees.stream()
					.filter((e) -> e.department == d)
					.map((e) -> Map.of("uuid", e.uuid))
					.toList());
		json.put("contractors", List.of());
		return json;
	}

	static Map<String, Object> location(SandboxCompany company, Location l) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", l.uuid);
		json.put("version", l.version());
		json.put("company_uuid", company.uuid);
		json.put("street_1", l.street1);
		json.put("city", l.city);
		json.put("state", l.state);
		json.put("zip", l.zip);
		json.put("country", "USA");
		json.put("active", true);
		json.put("filing_address", l == company.locations.get(0));
		json.put("mailing_address", l == company.locations.get(0));
		return json;
	}

	static List<Map<String, Object>> workAddresses(Employee e) {
		List<Map<String, Object>> addresses = new ArrayList<>();
		for (SandboxCompany.PastAddress past : e.pastAddresses) {
			addresses.add(workAddress(e, past.location(), past.effectiveDate(), false));
		}
		addresses
			.add(workAddress(e, e.jobs.get(0).location, (e.locatedSince != null) ? e.locatedSince : e.hiredAt, true));
		return addresses;
	}

	private static Map<String, Object> workAddress(Employee e, Location l, LocalDate effective, boolean active) {
		String version = SandboxCompany.version(e.uuid, l.uuid, effective);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", version.substring(0, 8) + e.uuid.substring(8));
		json.put("employee_uuid", e.uuid);
		json.put("location_uuid", l.uuid);
		json.put("effective_date", effective.toString());
		json.put("active", active);
		json.put("version", version);
		json.put("street_1", l.street1);
		json.put("city", l.city);
		json.put("state", l.state);
		json.put("zip", l.zip);
		json.put("country", "USA");
		return json;
	}

	static Map<String, Object> company(SandboxCompany company) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ein", "00-" + String.format("%07d", Math.floorMod(company.seed, 10_000_000L)));
		json.put("entity_type", "C-Corporation");
		json.put("tier", "core");
		json.put("contractor_only", false);
		json.put("is_suspended", false);
		json.put("company_status", "Approved");
		json.put("uuid", company.uuid);
		json.put("name", company.name);
		json.put("trade_name", company.name);
		json.put("is_partner_managed", false);
		json.put("pay_schedule_type", "single");
		json.put("join_date", company.asOf.minusYears(3).toString());
		json.put("funding_type", "ach");
		return json;
	}

	static Map<String, Object> payroll(SandboxCompany company, Payroll p, Set<String> include) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uuid", p.uuid);
		json.put("payroll_uuid", p.uuid);
		json.put("company_uuid", company.uuid);
		json.put("payroll_deadline", p.checkDate.minusDays(2) + "T22:00:00Z");
		json.put("check_date", p.checkDate.toString());
		json.put("processed", p.processed);
		if (p.processed) {
			json.put("processed_date", p.processedDate.toString());
			json.put("calculated_at", p.processedDate + "T12:00:00Z");
		}
		json.put("off_cycle", p.kind != Kind.REGULAR);
		json.put("off_cycle_reason", switch (p.kind) {
			case REGULAR -> null;
			case BONUS -> "Bonus";
			case REVERSAL -> "Reversal";
		});
		json.put("auto_pilot", false);
		json.put("external", false);
		json.put("final_termination_payroll", false);
		json.put("pay_period", Map.of("start_date", p.start.toString(), "end_date", p.end.toString(),
				"pay_schedule_uuid", company.payScheduleUuid));
		json.put("created_at", p.start + "T08:00:00Z");
		if (!p.reversedBy.isEmpty()) {
			json.put("reversal_payroll_uuids", List.copyOf(p.reversedBy));
		}
		if (p.processed && include.contains("totals")) {
			Map<String, Object> totals = new LinkedHashMap<>();
			p.result.totals().forEach((key, cents) -> totals.put(key, money(cents)));
			json.put("totals", totals);
		}
		if (p.processed && include.contains("taxes")) {
			json.put("company_taxes", List.of());
		}
		if (p.processed && include.contains("payroll_taxes")) {
			json.put("payroll_taxes",
					p.result.payrollTaxes()
						.stream()
						.map((t) -> Map.of("name", t.name(), "employer", t.employer(), "amount", number(t.cents())))
						.toList());
		}
		return json;
	}

	static Map<String, Object> employeeCompensation(EmployeePay pay, Set<String> include, boolean regular) {
		Employee e = pay.employee();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("employee_uuid", e.uuid);
		json.put("excluded", false);
		json.put("first_name", e.firstName);
		json.put("last_name", e.lastName);
		json.put("gross_pay", number(pay.gross()));
		json.put("net_pay", number(pay.net()));
		json.put("check_amount", number(pay.check()));
		json.put("payment_method", e.paymentMethod);
		// on a processed payroll only fixed compensations above 0.00 are returned [SPEC]
		json.put("fixed_compensations",
				pay.fixed()
					.stream()
					.filter((f) -> f.cents() != 0)
					.map((f) -> Map.of("name", f.name(), "amount", money(f.cents()), "job_uuid", f.jobUuid()))
					.toList());
		json.put("hourly_compensations", pay.hourly().stream().map((h) -> {
			Map<String, Object> hourly = new LinkedHashMap<>();
			hourly.put("name", h.name());
			hourly.put("hours", hours(h.hoursMilli()));
			hourly.put("amount", money(h.cents()));
			hourly.put("job_uuid", h.jobUuid());
			hourly.put("compensation_multiplier", new BigDecimal(h.multiplier()));
			hourly.put("flsa_status", h.flsaStatus());
			return hourly;
		}).toList());
		json.put("paid_time_off", List.of());
		json.put("reimbursements", pay.reimbursements().stream().map((r) -> {
			Map<String, Object> reimbursement = new LinkedHashMap<>();
			reimbursement.put("uuid", r.uuid());
			reimbursement.put("amount", money(r.cents()));
			reimbursement.put("description", r.description());
			reimbursement.put("recurring", false);
			return reimbursement;
		}).toList());
		if (include.contains("taxes")) {
			json.put("taxes",
					pay.taxes()
						.stream()
						.map((t) -> Map.of("name", t.name(), "employer", t.employer(), "amount", number(t.cents())))
						.toList());
		}
		if (include.contains("benefits")) {
			json.put("benefits", pay.benefits().stream().map((b) -> {
				Map<String, Object> benefit = new LinkedHashMap<>();
				benefit.put("name", b.name());
				benefit.put("employee_deduction", number(b.employeeCents()));
				benefit.put("company_contribution", number(b.companyCents()));
				benefit.put("imputed", false);
				return benefit;
			}).toList());
		}
		// deductions are included by default for regular payrolls in 2025-06-15 [SPEC]
		if (include.contains("deductions") || regular) {
			json.put("deductions", pay.deductions().stream().map((d) -> {
				Map<String, Object> deduction = new LinkedHashMap<>();
				deduction.put("name", d.name());
				deduction.put("amount", number(d.cents()));
				deduction.put("amount_type", "fixed");
				deduction.put("uuid", d.uuid());
				deduction.put("updatable_via_payroll", false);
				return deduction;
			}).toList());
		}
		return json;
	}

	static Map<String, Object> errors(String errorKey, String category, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("error_key", errorKey);
		error.put("category", category);
		error.put("message", message);
		return Map.of("errors", List.of(error));
	}

}
