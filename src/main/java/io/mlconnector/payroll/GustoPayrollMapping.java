package io.mlconnector.payroll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.gusto.GustoEmployeeCompensation;
import io.mlconnector.gusto.GustoJob;
import io.mlconnector.gusto.GustoPayroll;
import io.mlconnector.gusto.GustoPayrollTotals;
import io.mlconnector.gusto.GustoTax;
import io.mlconnector.gusto.GustoWorkAddress;

/**
 * From Gusto's payroll and employee records to what the accounting needs. Missing amounts
 * (Gusto leaves some out when they are zero) are zero.
 */
final class GustoPayrollMapping {

	private GustoPayrollMapping() {
	}

	static ProcessedPayroll payroll(GustoPayroll payroll) {
		List<ProcessedPayroll.EmployeePay> employees = payroll.employeeCompensations()
			.stream()
			.filter((compensation) -> !Boolean.TRUE.equals(compensation.excluded()))
			.map(GustoPayrollMapping::employee)
			.toList();
		return new ProcessedPayroll(payroll.id(), payroll.checkDate(),
				(payroll.payPeriod() != null) ? payroll.payPeriod().endDate() : payroll.checkDate(),
				Boolean.TRUE.equals(payroll.offCycle()), payroll.offCycleReason(), employees,
				taxes(payroll.companyTaxes()), totals(payroll.totals()));
	}

	static Map<String, EmployeeProfile> profiles(List<GustoEmployee> employees) {
		Map<String, EmployeeProfile> profiles = new LinkedHashMap<>();
		for (GustoEmployee employee : employees) {
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
			profiles.put(employee.uuid(), new EmployeeProfile(employee.uuid(), employee.department(), location, jobs));
		}
		return profiles;
	}

	/**
	 * The work location in effect on a day: of the work addresses whose
	 * {@code effective_date} is on or before the day, the latest. When none is (an
	 * employee hired into a location after the day), the earliest address; when no
	 * address has a date, the active one.
	 * @param addresses the employee's work addresses from Gusto
	 * @param day the day, the last day of the pay period
	 * @return the location uuid, empty when Gusto lists no address with a location
	 */
	static Optional<String> locationOn(List<GustoWorkAddress> addresses, LocalDate day) {
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

	private static ProcessedPayroll.EmployeePay employee(GustoEmployeeCompensation compensation) {
		List<ProcessedPayroll.EarningLine> earnings = new ArrayList<>();
		compensation.hourlyCompensations()
			.forEach((line) -> earnings
				.add(new ProcessedPayroll.EarningLine(line.name(), Amounts.cents(line.amount()), line.jobUuid())));
		compensation.fixedCompensations()
			.forEach((line) -> earnings
				.add(new ProcessedPayroll.EarningLine(line.name(), Amounts.cents(line.amount()), line.jobUuid())));
		String name = String.join(" ", List
			.of(text(compensation.preferredFirstName(), compensation.firstName()), text(compensation.lastName()))
			.stream()
			.filter((part) -> !part.isEmpty())
			.toList());
		return new ProcessedPayroll.EmployeePay(compensation.employeeUuid(), name.isEmpty() ? null : name,
				Amounts.cents(compensation.grossPay()), Amounts.cents(compensation.netPay()),
				Amounts.cents(compensation.checkAmount()), earnings, taxes(compensation.taxes()),
				compensation.benefits()
					.stream()
					.map((benefit) -> new ProcessedPayroll.BenefitLine(benefit.name(),
							Amounts.cents(benefit.employeeDeduction()), Amounts.cents(benefit.companyContribution()),
							Boolean.TRUE.equals(benefit.imputed())))
					.toList(),
				compensation.deductions()
					.stream()
					.map((deduction) -> new ProcessedPayroll.DeductionLine(deduction.name(),
							Amounts.cents(deduction.amount())))
					.toList(),
				compensation.reimbursements().stream().map((line) -> Amounts.cents(line.amount())).toList(),
				"Check".equalsIgnoreCase(compensation.paymentMethod()));
	}

	private static List<ProcessedPayroll.TaxLine> taxes(List<GustoTax> taxes) {
		return taxes.stream()
			.map((tax) -> new ProcessedPayroll.TaxLine(tax.name(), Boolean.TRUE.equals(tax.employer()),
					Amounts.cents(tax.amount())))
			.toList();
	}

	private static ProcessedPayroll.Totals totals(GustoPayrollTotals totals) {
		if (totals == null) {
			return null;
		}
		return new ProcessedPayroll.Totals(totals.grossPay(), totals.netPay(), totals.employeeTaxes(),
				totals.employerTaxes(), totals.reimbursements(), totals.companyDebit(), totals.netPayDebit(),
				totals.taxDebit(), totals.reimbursementDebit(), totals.childSupportDebit(), totals.benefits(),
				totals.employeeBenefitsDeductions(), totals.otherDeductions(), totals.checkAmount());
	}

	private static String text(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate.trim();
			}
		}
		return "";
	}

}
