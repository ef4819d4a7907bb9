package io.mlconnector.payroll;

/**
 * What a payroll posting books.
 */
enum PostingKind {

	/** The payroll's cost and liabilities, on {@code payroll.processed}. */
	ACCRUAL,

	/** The liabilities paid from the bank, on {@code payroll.paid}. */
	PAYMENT,

	/** What was posted for a payroll, with sides swapped, when Gusto reverses it. */
	REVERSAL

}
