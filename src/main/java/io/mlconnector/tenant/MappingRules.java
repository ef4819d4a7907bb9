package io.mlconnector.tenant;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Gusto's payroll and people data map onto IFS Cloud and Visma.net codes. Keys that
 * contain spaces or dots are written in brackets in YAML, for example
 * {@code "[Customer Success]": CC-300}.
 *
 * @param accounts IFS GL account per payroll component
 * @param voucherType IFS voucher type for payroll vouchers; it must belong to a manual
 * function group (M) in IFS
 * @param defaultCompany IFS company for work locations without a rule in
 * {@code company-by-location}; empty means the IFS connection's {@code company}
 * @param companyByLocation Gusto work location uuid to IFS company (company code)
 * @param costCenterCodePart IFS code part that holds the cost center ({@code CodeB} ..
 * {@code CodeJ})
 * @param costCenterByDepartment Gusto department title to IFS cost center value
 * @param defaultCostCenter cost center for employees without a department rule; empty
 * means such an employee fails the posting with a message naming the department
 * @param jobCodePart IFS code part that holds the job/project allocation
 * @param jobByTitle Gusto job title to IFS code part value for {@code job-code-part}
 * @param vismaDepartmentByDepartment Gusto department title to Visma department id
 * @param vismaBranchByLocation Gusto work location uuid to Visma branch (dimension) id
 * @param allocationRules ordered rules mapping employees, or their jobs, to company, cost
 * center and project; the first match wins, and what a rule leaves empty comes from the
 * maps above
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
public record MappingRules(@DefaultValue Map<PayrollComponent, @NotBlank String> accounts,
		@DefaultValue("M") @NotBlank(
				message = "set mapping.voucher-type to a voucher type of function group M") String voucherType,
		String defaultCompany, @DefaultValue Map<String, @NotBlank String> companyByLocation,
		@DefaultValue("CodeB") @Pattern(regexp = CODE_PART,
				message = "mapping.cost-center-code-part must be one of CodeB to CodeJ") String costCenterCodePart,
		@DefaultValue Map<String, @NotBlank String> costCenterByDepartment, String defaultCostCenter,
		@DefaultValue("CodeC") @Pattern(regexp = CODE_PART,
				message = "mapping.job-code-part must be one of CodeB to CodeJ") String jobCodePart,
		@DefaultValue Map<String, @NotBlank String> jobByTitle,
		@DefaultValue Map<String, @NotBlank String> vismaDepartmentByDepartment,
		@DefaultValue Map<String, @NotBlank String> vismaBranchByLocation,
		@DefaultValue List<@Valid AllocationRule> allocationRules,
		@DefaultValue Map<String, EarningCategory> earningCategories,
		@DefaultValue Map<EarningCategory, @NotBlank String> wageAccounts,
		@DefaultValue Map<String, @NotBlank String> employerTaxAccounts,
		@DefaultValue Map<String, @NotBlank String> benefitAccounts, @DefaultValue("false") boolean rowsPerEmployee,
		@DefaultValue("CHECK_DATE") VoucherDate voucherDate,
		@DefaultValue("ReferenceNumber") @NotBlank String voucherReferenceField,
		@DefaultValue("72") @jakarta.validation.constraints.Min(value = 20,
				message = "mapping.voucher-reference-max-length must be at least 20") int voucherReferenceMaxLength,
		@DefaultValue("FIRST_OPEN_DAY") ClosedPeriod reversalInClosedPeriod,
		@DefaultValue("1") @jakarta.validation.constraints.Min(value = 1,
				message = "mapping.fiscal-year-start-month must be a month from 1 to 12") @jakarta.validation.constraints.Max(
						value = 12,
						message = "mapping.fiscal-year-start-month must be a month from 1 to 12") int fiscalYearStartMonth,
		@DefaultValue("CURRENT") WorkLocationAsOf workLocationAsOf) {

	/**
	 * The accounting year of a voucher date.
	 * @param date the voucher date
	 * @return the calendar year in which the accounting year of the date ends
	 */
	public int accountingYear(java.time.LocalDate date) {
		return (this.fiscalYearStartMonth == 1 || date.getMonthValue() < this.fiscalYearStartMonth) ? date.getYear()
				: date.getYear() + 1;
	}

	static final String CODE_PART = "Code[B-J]";

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
