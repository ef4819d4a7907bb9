package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * Payroll totals [SPEC {@code Payroll-Totals-Type}]: strings in the API, decimals here
 * (scale 2).
 *
 * @param companyDebit total debited from the company
 * @param netPayDebit net pay debited
 * @param taxDebit taxes debited
 * @param reimbursementDebit reimbursements debited
 * @param childSupportDebit child support debited
 * @param reimbursements reimbursements paid
 * @param netPay net pay
 * @param grossPay gross pay
 * @param employeeBonuses bonuses
 * @param employeeCommissions commissions
 * @param employeeCashTips cash tips
 * @param employeePaycheckTips paycheck tips
 * @param additionalEarnings additional earnings
 * @param ownersDraw owner's draw
 * @param checkAmount check amount
 * @param employerTaxes employer taxes
 * @param employeeTaxes employee taxes
 * @param benefits company-contributed benefits
 * @param employeeBenefitsDeductions employee benefit deductions
 * @param imputedPay imputed pay
 * @param deferredPayrollTaxes deferred payroll taxes
 * @param otherDeductions other deductions
 */
public record GustoPayrollTotals(BigDecimal companyDebit, BigDecimal netPayDebit, BigDecimal taxDebit,
		BigDecimal reimbursementDebit, BigDecimal childSupportDebit, BigDecimal reimbursements, BigDecimal netPay,
		BigDecimal grossPay, BigDecimal employeeBonuses, BigDecimal employeeCommissions, BigDecimal employeeCashTips,
		BigDecimal employeePaycheckTips, BigDecimal additionalEarnings, BigDecimal ownersDraw, BigDecimal checkAmount,
		BigDecimal employerTaxes, BigDecimal employeeTaxes, BigDecimal benefits, BigDecimal employeeBenefitsDeductions,
		BigDecimal imputedPay, BigDecimal deferredPayrollTaxes, BigDecimal otherDeductions) {

}
