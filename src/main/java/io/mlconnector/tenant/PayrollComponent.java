package io.mlconnector.tenant;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a payroll that land on their own GL account. Keys of
 * {@code mapping.accounts}.
 */
public enum PayrollComponent {

	/** Gross wages, salaries, bonuses and commissions (expense, debit). */
	GROSS_WAGES,

	/** Employer payroll taxes (expense, debit). */
	EMPLOYER_TAXES,

	/** Employer contributions to benefits (expense, debit). */
	EMPLOYER_BENEFITS,

	/** Non-taxable reimbursements paid with the payroll (expense, debit). */
	REIMBURSEMENTS,

	/** Net pay owed to employees until it is paid (liability, credit). */
	NET_PAY_LIABILITY,

	/** Employee and employer taxes owed to the authorities (liability, credit). */
	TAX_LIABILITY,

	/**
	 * Employee deductions and benefit contributions owed to third parties (liability,
	 * credit).
	 */
	DEDUCTIONS_LIABILITY,

	/**
	 * Employer taxes owed to the authorities (liability, credit); when not mapped they go
	 * to {@link #TAX_LIABILITY} with the employee withholdings.
	 */
	EMPLOYER_TAX_LIABILITY,

	/**
	 * Benefit deductions and employer contributions owed to benefit providers (liability,
	 * credit); when not mapped they go to {@link #DEDUCTIONS_LIABILITY}.
	 */
	BENEFITS_LIABILITY,

	/**
	 * Cash tips employees already received from customers: part of gross pay but not of
	 * net pay, so they are credited to a clearing account. Needed once a payroll has cash
	 * tips.
	 */
	CASH_TIPS_CLEARING,

	/** The bank account the payroll is paid from (asset, credit on payment). */
	CASH;

	/** Components every payroll posting needs. */
	public static final Set<PayrollComponent> REQUIRED = Set
		.copyOf(EnumSet.of(GROSS_WAGES, EMPLOYER_TAXES, NET_PAY_LIABILITY, TAX_LIABILITY));

}
