package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A GL voucher to post to one IFS company: computed, validated, not yet posted.
 *
 * @param company IFS company
 * @param voucherType IFS voucher type
 * @param voucherDate voucher date
 * @param reference unique reference per (payroll, kind, company), looked up in IFS before
 * posting so a voucher is never posted twice
 * @param text voucher text
 * @param rows the rows; debits equal credits
 */
record VoucherDraft(String company, String voucherType, LocalDate voucherDate, String reference, String text,
		List<Row> rows) {

	VoucherDraft {
		rows = List.copyOf(rows);
	}

	BigDecimal debitTotal() {
		return Amounts.sum(this.rows.stream().map(Row::debit).toList());
	}

	BigDecimal creditTotal() {
		return Amounts.sum(this.rows.stream().map(Row::credit).toList());
	}

	boolean balanced() {
		return debitTotal().compareTo(creditTotal()) == 0;
	}

	/**
	 * The same voucher with debits and credits swapped, as the reversal of this one.
	 * @param reference the reversal's reference
	 * @param voucherDate the reversal's date
	 * @return the reversing voucher
	 */
	VoucherDraft reversed(String reference, LocalDate voucherDate) {
		return new VoucherDraft(this.company, this.voucherType, voucherDate, reference, "Reversal of " + this.reference,
				this.rows.stream().map(Row::reversed).toList());
	}

	/**
	 * A voucher row: one of debit and credit is zero.
	 *
	 * @param account GL account
	 * @param costCenter cost center, or {@code null}
	 * @param project project or job allocation, or {@code null}
	 * @param employeeUuid the employee, when rows are kept per employee
	 * @param debit debit amount
	 * @param credit credit amount
	 */
	record Row(String account, String costCenter, String project, String employeeUuid, BigDecimal debit,
			BigDecimal credit) {

		Row reversed() {
			return new Row(this.account, this.costCenter, this.project, this.employeeUuid, this.credit, this.debit);
		}

	}

}
