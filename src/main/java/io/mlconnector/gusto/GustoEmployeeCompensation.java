package io.mlconnector.gusto;

import java.math.BigDecimal;
import java.util.List;

/**
 * One employee's compensation in a payroll [SPEC
 * {@code Payroll-Employee-Compensations-Type}]. {@code gross_pay}, {@code net_pay} and
 * {@code check_amount} are numbers in 2025-06-15 and strings in the examples and in
 * 2026-06-15; both parse.
 *
 * @param employeeUuid the employee
 * @param excluded whether the employee is excluded from the payroll
 * @param firstName first name
 * @param preferredFirstName preferred first name
 * @param lastName last name
 * @param paymentMethod {@code Direct Deposit}, {@code Check} or {@code Historical}
 * @param grossPay gross pay, scale 2
 * @param netPay net pay, scale 2
 * @param checkAmount net pay plus reimbursements, scale 2
 * @param fixedCompensations bonuses, commissions, tips
 * @param hourlyCompensations regular and overtime hours
 * @param paidTimeOff paid time off
 * @param reimbursements reimbursements
 * @param taxes taxes ({@code include=taxes})
 * @param benefits benefits ({@code include=benefits})
 * @param deductions deductions ({@code include=deductions})
 */
public record GustoEmployeeCompensation(String employeeUuid, Boolean excluded, String firstName,
		String preferredFirstName, String lastName, String paymentMethod, BigDecimal grossPay, BigDecimal netPay,
		BigDecimal checkAmount, List<GustoFixedCompensation> fixedCompensations,
		List<GustoHourlyCompensation> hourlyCompensations, List<GustoPaidTimeOff> paidTimeOff,
		List<GustoReimbursement> reimbursements, List<GustoTax> taxes, List<GustoBenefit> benefits,
		List<GustoDeduction> deductions) {

	public GustoEmployeeCompensation {
		fixedCompensations = (fixedCompensations != null) ? fixedCompensations : List.of();
		hourlyCompensations = (hourlyCompensations != null) ? hourlyCompensations : List.of();
		paidTimeOff = (paidTimeOff != null) ? paidTimeOff : List.of();
		reimbursements = (reimbursements != null) ? reimbursements : List.of();
		taxes = (taxes != null) ? taxes : List.of();
		benefits = (benefits != null) ? benefits : List.of();
		deductions = (deductions != null) ? deductions : List.of();
	}

}
