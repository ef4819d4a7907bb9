package io.mlconnector.tenant;

/**
 * What kind of earning a Gusto compensation line is, so wages can land on different GL
 * accounts ({@code mapping.wage-accounts}). Lines are classified by their Gusto name
 * ({@code mapping.earning-categories} adds or overrides names).
 */
public enum EarningCategory {

	/** Regular hours and salary; also the part of gross pay no line explains. */
	REGULAR,

	/** Overtime and double overtime. */
	OVERTIME,

	/** Bonuses. */
	BONUS,

	/** Commissions. */
	COMMISSION,

	/** Tips the employee received in cash from customers (part of gross, not of net). */
	CASH_TIPS,

	/** Tips paid out through the paycheck. */
	PAYCHECK_TIPS,

	/** Paid time off, holiday and sick pay. */
	PAID_TIME_OFF,

	/** Other additional earnings. */
	OTHER,

	/**
	 * Imputed income (for example group-term life): taxable but never paid, so Gusto's
	 * gross pay excludes it and it is not posted.
	 */
	IMPUTED,

	/**
	 * A reimbursement listed among the fixed compensations: not a wage; reimbursements
	 * are posted from the employee's reimbursements.
	 */
	REIMBURSEMENT

}
