package io.mlconnector.payroll;

import java.util.ArrayList;
import java.util.List;

import io.mlconnector.gusto.GustoEmployeeCompensation;
import io.mlconnector.gusto.GustoPayroll;
import io.mlconnector.gusto.GustoPayrollTotals;
import io.mlconnector.gusto.GustoTax;

/**
 * From Gusto's payroll records to what the accounting needs (employee profiles come from
 * {@link io.mlconnector.allocation.EmployeeProfiles}). Missing amounts (Gusto leaves some
 * out when they are zero) are zero.
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
