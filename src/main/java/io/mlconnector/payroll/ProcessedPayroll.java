package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A processed Gusto payroll as the accounting sees it: what each employee earned, what
 * was withheld and contributed, and Gusto's own totals to reconcile against. Amounts are
 * to the cent.
 *
 * @param payrollUuid Gusto payroll uuid
 * @param checkDate the pay date
 * @param periodEnd the last day of the pay period
 * @param offCycle whether it is an off-cycle payroll (bonus, correction, reversal)
 * @param offCycleReason Gusto's reason for an off-cycle payroll ({@code Reversal} for a
 * payroll that reverses another with negated amounts), or {@code null}
 * @param employees one entry per employee compensation that was not excluded
 * @param companyTaxes taxes of the payroll as a whole, outside the employee compensations
 * @param totals Gusto's totals, when the payroll was read with {@code include=totals}
 */
record ProcessedPayroll(String payrollUuid, LocalDate checkDate, LocalDate periodEnd, boolean offCycle,
		String offCycleReason, List<EmployeePay> employees, List<TaxLine> companyTaxes, Totals totals) {

	ProcessedPayroll {
		employees = List.copyOf(employees);
		companyTaxes = (companyTaxes != null) ? List.copyOf(companyTaxes) : List.of();
	}

	ProcessedPayroll(String payrollUuid, LocalDate checkDate, LocalDate periodEnd, boolean offCycle,
			List<EmployeePay> employees, List<TaxLine> companyTaxes, Totals totals) {
		this(payrollUuid, checkDate, periodEnd, offCycle, null, employees, companyTaxes, totals);
	}

	/**
	 * Whether this payroll is Gusto's reversal of another: an off-cycle payroll with the
	 * negated amounts of the reversed employees.
	 * @return whether the off-cycle reason is {@code Reversal}
	 */
	boolean isReversal() {
		return "Reversal".equalsIgnoreCase(this.offCycleReason);
	}

	/**
	 * One employee's compensation in the payroll.
	 *
	 * @param employeeUuid Gusto employee uuid
	 * @param name the employee's name, for messages
	 * @param grossPay Gusto's gross pay: wages, cash and paycheck tips and other
	 * earnings, without imputed income
	 * @param netPay Gusto's net pay: gross less employee taxes, deductions and cash tips
	 * @param checkAmount net pay plus reimbursements
	 * @param earnings hourly and fixed compensation lines, each with its job
	 * @param taxes employee and employer taxes
	 * @param benefits benefit deductions and company contributions
	 * @param deductions other deductions (garnishments, post-tax deductions)
	 * @param reimbursements reimbursements paid with the payroll
	 * @param paidByCheck whether Gusto pays the employee by paper check
	 * ({@code payment_method: Check}): Gusto does not debit that net pay, the company
	 * hands over the check
	 */
	record EmployeePay(String employeeUuid, String name, BigDecimal grossPay, BigDecimal netPay, BigDecimal checkAmount,
			List<EarningLine> earnings, List<TaxLine> taxes, List<BenefitLine> benefits, List<DeductionLine> deductions,
			List<BigDecimal> reimbursements, boolean paidByCheck) {

		EmployeePay {
			earnings = List.copyOf(earnings);
			taxes = List.copyOf(taxes);
			benefits = List.copyOf(benefits);
			deductions = List.copyOf(deductions);
			reimbursements = List.copyOf(reimbursements);
		}

		EmployeePay(String employeeUuid, String name, BigDecimal grossPay, BigDecimal netPay, BigDecimal checkAmount,
				List<EarningLine> earnings, List<TaxLine> taxes, List<BenefitLine> benefits,
				List<DeductionLine> deductions, List<BigDecimal> reimbursements) {
			this(employeeUuid, name, grossPay, netPay, checkAmount, earnings, taxes, benefits, deductions,
					reimbursements, false);
		}

	}

	/**
	 * An hourly or fixed compensation line.
	 *
	 * @param name Gusto's name of the compensation ({@code Regular Hours}, {@code Bonus},
	 * ...)
	 * @param amount the amount; corrections may be negative
	 * @param jobUuid the job it was earned in; {@code null} when Gusto gives none
	 */
	record EarningLine(String name, BigDecimal amount, String jobUuid) {

	}

	/**
	 * A tax.
	 *
	 * @param name the tax's name
	 * @param employer whether the employer pays it (else it is withheld from the
	 * employee)
	 * @param amount the amount
	 */
	record TaxLine(String name, boolean employer, BigDecimal amount) {

	}

	/**
	 * A benefit.
	 *
	 * @param name the benefit's name
	 * @param employeeDeduction what was deducted from the employee
	 * @param companyContribution what the company contributes
	 * @param imputed whether the company contribution is imputed income
	 */
	record BenefitLine(String name, BigDecimal employeeDeduction, BigDecimal companyContribution, boolean imputed) {

	}

	/**
	 * A deduction other than a benefit.
	 *
	 * @param name the deduction's name
	 * @param amount the amount
	 */
	record DeductionLine(String name, BigDecimal amount) {

	}

	/**
	 * Gusto's totals of the payroll.
	 *
	 * @param grossPay total gross pay
	 * @param netPay total net pay
	 * @param employeeTaxes total employee taxes
	 * @param employerTaxes total employer taxes
	 * @param reimbursements total reimbursements
	 * @param companyDebit what Gusto debits the company in all
	 * @param netPayDebit net pay debited
	 * @param taxDebit taxes debited
	 * @param reimbursementDebit reimbursements debited
	 * @param childSupportDebit child support debited
	 * @param benefits company benefit contributions
	 * @param employeeBenefitsDeductions benefit deductions from employees
	 * @param otherDeductions other deductions (garnishments, post-tax deductions)
	 * @param checkAmount what is paid by paper check (Gusto's example:
	 * {@code net_pay - check_amount = net_pay_debit})
	 */
	record Totals(BigDecimal grossPay, BigDecimal netPay, BigDecimal employeeTaxes, BigDecimal employerTaxes,
			BigDecimal reimbursements, BigDecimal companyDebit, BigDecimal netPayDebit, BigDecimal taxDebit,
			BigDecimal reimbursementDebit, BigDecimal childSupportDebit, BigDecimal benefits,
			BigDecimal employeeBenefitsDeductions, BigDecimal otherDeductions, BigDecimal checkAmount) {

		Totals(BigDecimal grossPay, BigDecimal netPay, BigDecimal employeeTaxes, BigDecimal employerTaxes,
				BigDecimal reimbursements, BigDecimal companyDebit, BigDecimal netPayDebit, BigDecimal taxDebit,
				BigDecimal reimbursementDebit, BigDecimal childSupportDebit) {
			this(grossPay, netPay, employeeTaxes, employerTaxes, reimbursements, companyDebit, netPayDebit, taxDebit,
					reimbursementDebit, childSupportDebit, null, null, null, null);
		}

	}

}
