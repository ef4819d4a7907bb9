package io.mlconnector.sandbox.gusto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.mlconnector.sandbox.gusto.SandboxCompany.Employee;
import io.mlconnector.sandbox.gusto.SandboxCompany.Job;
import io.mlconnector.sandbox.gusto.SandboxCompany.Kind;
import io.mlconnector.sandbox.gusto.SandboxCompany.Payroll;

/**
 * Computes a payroll in whole cents, so that it is consistent to the cent: per employee
 * {@code gross = net + employee taxes + employee benefit deductions + deductions} and
 * {@code check_amount = net + reimbursements}; totals are sums over employees, but for
 * {@code check_amount} (paper checks only, as in Gusto's example) and the debits, which
 * cover direct deposits only; company debit = net pay and reimbursements debited +
 * employee and employer taxes + child support. Deterministic for the company's seed and
 * the payroll's number. The tax rates are illustrative, not a tax engine.
 */
final class PayrollCalculator {

	static final String[] TOTALS = { "company_debit", "net_pay_debit", "tax_debit", "reimbursement_debit",
			"child_support_debit", "reimbursements", "net_pay", "gross_pay", "employee_bonuses", "employee_commissions",
			"employee_cash_tips", "employee_paycheck_tips", "additional_earnings", "owners_draw", "check_amount",
			"employer_taxes", "employee_taxes", "benefits", "employee_benefits_deductions", "imputed_pay",
			"deferred_payroll_taxes", "other_deductions" };

	private PayrollCalculator() {
	}

	record Hourly(String name, long hoursMilli, long cents, String jobUuid, String multiplier, String flsaStatus) {

	}

	record Fixed(String name, long cents, String jobUuid) {

	}

	record Reimbursement(String uuid, long cents, String description) {

	}

	record Tax(String name, boolean employer, long cents) {

	}

	record Benefit(String name, long employeeCents, long companyCents) {

	}

	record Deduction(String uuid, String name, long cents) {

	}

	record EmployeePay(Employee employee, List<Hourly> hourly, List<Fixed> fixed, List<Reimbursement> reimbursements,
			List<Tax> taxes, List<Benefit> benefits, List<Deduction> deductions, long gross, long net, long check) {

		EmployeePay negated() {
			return new EmployeePay(this.employee,
					this.hourly.stream()
						.map((h) -> new Hourly(h.name(), -h.hoursMilli(), -h.cents(), h.jobUuid(), h.multiplier(),
								h.flsaStatus()))
						.toList(),
					this.fixed.stream().map((f) -> new Fixed(f.name(), -f.cents(), f.jobUuid())).toList(),
					this.reimbursements.stream()
						.map((r) -> new Reimbursement(r.uuid(), -r.cents(), r.description()))
						.toList(),
					this.taxes.stream().map((t) -> new Tax(t.name(), t.employer(), -t.cents())).toList(),
					this.benefits.stream()
						.map((b) -> new Benefit(b.name(), -b.employeeCents(), -b.companyCents()))
						.toList(),
					this.deductions.stream().map((d) -> new Deduction(d.uuid(), d.name(), -d.cents())).toList(),
					-this.gross, -this.net, -this.check);
		}

	}

	record Result(List<EmployeePay> employees, Map<String, Long> totals, List<Tax> payrollTaxes) {

	}

	static Result calculate(SandboxCompany company, Payroll payroll) {
		List<EmployeePay> pays = new ArrayList<>(payroll.paid.size());
		if (payroll.kind == Kind.REVERSAL) {
			for (EmployeePay pay : payroll.reverses.result.employees()) {
				if (payroll.paid.contains(pay.employee())) {
					pays.add(pay.negated());
				}
			}
		}
		else {
			for (Employee employee : payroll.paid) {
				pays.add(pay(company, payroll, employee));
			}
		}
		return new Result(pays, totals(pays), payrollTaxes(pays));
	}

	private static EmployeePay pay(SandboxCompany company, Payroll payroll, Employee employee) {
		SplittableRandom random = new SplittableRandom(company.seed * 1_000_003L + payroll.number * 7_919L
				+ employee.index * 104_729L + payroll.kind.ordinal());
		List<Hourly> hourly = new ArrayList<>();
		List<Fixed> fixed = new ArrayList<>();
		List<Reimbursement> reimbursements = new ArrayList<>();
		if (payroll.kind == Kind.BONUS) {
			fixed.add(new Fixed("Bonus", 10_000L * (1 + random.nextInt(20)), employee.jobs.get(0).uuid));
		}
		else {
			for (Job job : employee.jobs) {
				if (job.hourly) {
					long hours = (job.primary ? 70_000L : 8_000L) + 250L * random.nextInt(41);
					hourly.add(new Hourly("Regular Hours", hours, times(hours, job.rateCents, 1, 1), job.uuid, "1",
							"Nonexempt"));
					long overtime = (random.nextInt(3) == 0) ? 250L * random.nextInt(33) : 0;
					hourly.add(new Hourly("Overtime", overtime, times(overtime, job.rateCents, 3, 2), job.uuid, "1.5",
							"Nonexempt"));
				}
				else {
					hourly.add(new Hourly("Regular Hours", 80_000L, round(job.rateCents, 26), job.uuid, "1", "Exempt"));
				}
			}
			if (employee.index % 7 == 3) {
				fixed.add(new Fixed("Commission", 5_000L + 100L * random.nextInt(450), employee.jobs.get(0).uuid));
			}
			if (employee.index % 11 == 4) {
				reimbursements.add(new Reimbursement(
						SandboxCompany.id(company.seed, "reimbursement", payroll.number * 1_000_000L + employee.index),
						2_500L, "Internet"));
			}
		}
		long gross = hourly.stream().mapToLong(Hourly::cents).sum() + fixed.stream().mapToLong(Fixed::cents).sum();
		List<Tax> taxes = List.of(new Tax("Federal Income Tax", false, percent(gross, 1_200)),
				new Tax("Social Security", false, percent(gross, 620)), new Tax("Medicare", false, percent(gross, 145)),
				new Tax("Social Security", true, percent(gross, 620)), new Tax("Medicare", true, percent(gross, 145)),
				new Tax("FUTA", true, percent(gross, 60)));
		List<Benefit> benefits = new ArrayList<>();
		if (employee.enrolled401k) {
			benefits.add(new Benefit("401K", percent(gross, 400), percent(gross, 200)));
		}
		if (employee.medical && payroll.kind == Kind.REGULAR) {
			benefits.add(new Benefit("Medical", 5_000L, 15_000L));
		}
		List<Deduction> deductions = new ArrayList<>();
		if (employee.childSupport && payroll.kind == Kind.REGULAR) {
			deductions.add(new Deduction(SandboxCompany.id(company.seed, "garnishment", employee.index),
					"Child Support", 8_000L));
		}
		long employeeTaxes = taxes.stream().filter((t) -> !t.employer()).mapToLong(Tax::cents).sum();
		long net = gross - employeeTaxes - benefits.stream().mapToLong(Benefit::employeeCents).sum()
				- deductions.stream().mapToLong(Deduction::cents).sum();
		long check = net + reimbursements.stream().mapToLong(Reimbursement::cents).sum();
		return new EmployeePay(employee, hourly, fixed, reimbursements, taxes, benefits, deductions, gross, net, check);
	}

	private static Map<String, Long> totals(List<EmployeePay> pays) {
		Map<String, Long> totals = new LinkedHashMap<>();
		for (String key : TOTALS) {
			totals.put(key, 0L);
		}
		long directNet = 0;
		long directReimbursements = 0;
		for (EmployeePay pay : pays) {
			add(totals, "gross_pay", pay.gross());
			add(totals, "net_pay", pay.net());
			// Gusto's example: net_pay - check_amount = net_pay_debit, so the total
			// check_amount is what is paid by paper check, which Gusto does not debit
			boolean check = "Check".equals(pay.employee().paymentMethod);
			if (check) {
				add(totals, "check_amount", pay.check());
			}
			else {
				directNet += pay.net();
				directReimbursements += pay.check() - pay.net();
			}
			for (Fixed fixed : pay.fixed()) {
				add(totals, fixed.name().equals("Bonus") ? "employee_bonuses" : "employee_commissions", fixed.cents());
			}
			for (Reimbursement reimbursement : pay.reimbursements()) {
				add(totals, "reimbursements", reimbursement.cents());
			}
			for (Tax tax : pay.taxes()) {
				add(totals, tax.employer() ? "employer_taxes" : "employee_taxes", tax.cents());
			}
			for (Benefit benefit : pay.benefits()) {
				add(totals, "benefits", benefit.companyCents());
				add(totals, "employee_benefits_deductions", benefit.employeeCents());
			}
			for (Deduction deduction : pay.deductions()) {
				add(totals, "other_deductions", deduction.cents());
				add(totals, "child_support_debit", deduction.cents());
			}
		}
		totals.put("net_pay_debit", directNet);
		totals.put("reimbursement_debit", directReimbursements);
		totals.put("tax_debit", totals.get("employee_taxes") + totals.get("employer_taxes"));
		totals.put("company_debit", totals.get("net_pay_debit") + totals.get("reimbursement_debit")
				+ totals.get("tax_debit") + totals.get("child_support_debit"));
		return totals;
	}

	private static List<Tax> payrollTaxes(List<EmployeePay> pays) {
		Map<String, Tax> byName = new LinkedHashMap<>();
		for (EmployeePay pay : pays) {
			for (Tax tax : pay.taxes()) {
				byName.merge(tax.name() + "|" + tax.employer(), tax,
						(a, b) -> new Tax(a.name(), a.employer(), a.cents() + b.cents()));
			}
		}
		return List.copyOf(byName.values());
	}

	private static void add(Map<String, Long> totals, String key, long cents) {
		totals.merge(key, cents, Long::sum);
	}

	/** {@code hours × rate × num / den}, half up, in cents. */
	private static long times(long hoursMilli, long rateCents, long num, long den) {
		return round(hoursMilli * rateCents * num, 1000 * den);
	}

	private static long percent(long cents, long basisPoints) {
		return round(cents * basisPoints, 10_000);
	}

	private static long round(long numerator, long denominator) {
		return Math.floorDiv(numerator * 2 + denominator, denominator * 2);
	}

}
