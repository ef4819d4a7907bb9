package io.mlconnector.tenant;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How Gusto's payroll maps onto IFS Cloud GL vouchers, for the payroll flow. Where the
 * cost lands (company, cost center, project) is {@link AllocationMapping}. The keys are
 * {@code mapping.*} of a tenant.
 *
 * @param accounts IFS GL account per payroll component
 * @param voucherType IFS voucher type for payroll vouchers; it must belong to a manual
 * function group (M) in IFS
 * @param earningCategories Gusto compensation name to earning category, adding to or
 * overriding the built-in names ({@code Regular Hours}, {@code Overtime}, {@code Bonus},
 * {@code Commission}, {@code Cash Tips}, ...)
 * @param wageAccounts GL account per earning category; categories without one use
 * {@code accounts.GROSS_WAGES}
 * @param employerTaxAccounts GL expense account per employer tax name (for example
 * {@code Social Security}); others use {@code accounts.EMPLOYER_TAXES}
 * @param benefitAccounts GL expense account per benefit name for the employer's
 * contribution; others use {@code accounts.EMPLOYER_BENEFITS}
 * @param rowsPerEmployee whether voucher rows are kept per employee instead of aggregated
 * per account, cost center and project
 * @param voucherDate which payroll date becomes the voucher date
 * @param voucherReferenceField the IFS voucher (and row) field that carries the unique
 * reference of each payroll voucher, looked up before every create
 * @param voucherReferenceMaxLength the width of that field: a plan whose references are
 * longer is refused. [ASSUMPTION] IFS does not publish the width of
 * {@code ReferenceNumber}; ours are at most 72 characters
 * ({@code GUSTO:<36-character payroll uuid>:<kind>:<company of up to 20>})
 * @param reversalInClosedPeriod what a reversal dated in an accounting period IFS has
 * closed is dated with: {@code FIRST_OPEN_DAY} (the first day of the next open period) or
 * {@code REFUSE} (the posting fails until the period is reopened)
 * @param fiscalYearStartMonth the month (1-12) in which the IFS companies' accounting
 * year starts; the accounting year of a voucher is the calendar year in which its
 * accounting year ends ([ASSUMPTION]: check the years of {@code AccountingPeriodSet} in
 * IFS)
 * @param workLocationAsOf which work location an employee's pay is allocated by:
 * {@code CURRENT} (the location on the employee's primary job when the posting is
 * planned) or {@code PAY_PERIOD} (the work address in effect on the last day of the pay
 * period, from Gusto's dated work addresses; one Gusto request per employee on the
 * payroll, so a 5,000-employee payroll spends 5,000 requests of the tenant's rate
 * budget). Gusto keeps no history of departments: the department is always the current
 * one
 */
public record PayrollMapping(@NotNull Map<PayrollComponent, @NotBlank String> accounts,
		@NotBlank(message = "set mapping.voucher-type to a voucher type of function group M") String voucherType,
		@NotNull Map<String, EarningCategory> earningCategories,
		@NotNull Map<EarningCategory, @NotBlank String> wageAccounts,
		@NotNull Map<String, @NotBlank String> employerTaxAccounts,
		@NotNull Map<String, @NotBlank String> benefitAccounts, boolean rowsPerEmployee,
		@NotNull VoucherDate voucherDate, @NotBlank String voucherReferenceField,
		@Min(value = 20,
				message = "mapping.voucher-reference-max-length must be at least 20") int voucherReferenceMaxLength,
		@NotNull ClosedPeriod reversalInClosedPeriod,
		@Min(value = 1, message = "mapping.fiscal-year-start-month must be a month from 1 to 12") @Max(value = 12,
				message = "mapping.fiscal-year-start-month must be a month from 1 to 12") int fiscalYearStartMonth,
		@NotNull WorkLocationAsOf workLocationAsOf) {

	/**
	 * The accounting year of a voucher date.
	 * @param date the voucher date
	 * @return the calendar year in which the accounting year of the date ends
	 */
	public int accountingYear(LocalDate date) {
		return (this.fiscalYearStartMonth == 1 || date.getMonthValue() < this.fiscalYearStartMonth) ? date.getYear()
				: date.getYear() + 1;
	}

	/**
	 * What a reversal dated in a closed accounting period is dated with.
	 */
	public enum ClosedPeriod {

		/** The first day of the next open period. */
		FIRST_OPEN_DAY,

		/** None: the posting fails until the period is reopened. */
		REFUSE

	}

	/**
	 * Which work location allocates an employee's pay.
	 */
	public enum WorkLocationAsOf {

		/** The location of the employee's primary job when the posting is planned. */
		CURRENT,

		/**
		 * The work address in effect on the last day of the pay period (Gusto's
		 * {@code effective_date}); one Gusto request per employee.
		 */
		PAY_PERIOD

	}

	/**
	 * Which payroll date a voucher is dated with.
	 */
	public enum VoucherDate {

		/** The payroll's check (pay) date. */
		CHECK_DATE,

		/** The last day of the pay period. */
		PERIOD_END

	}

}
