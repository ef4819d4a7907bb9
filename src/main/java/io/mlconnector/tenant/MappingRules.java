package io.mlconnector.tenant;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A tenant's {@code mapping.*} keys, bound flat as they are written, and split into one
 * typed, validated mapping per flow: {@link #payroll()} (payroll to IFS vouchers),
 * {@link #allocation()} (employees to IFS company, cost center and project, shared by the
 * flows that book or sync people into IFS) and {@link #people()} (people to Visma). Each
 * flow reads its own part only. Keys that contain spaces or dots are written in brackets
 * in YAML, for example {@code "[Customer Success]": CC-300}. The meaning of each key is
 * documented on the part that holds it.
 */
public final class MappingRules {

	@Valid
	private final PayrollMapping payroll;

	@Valid
	private final AllocationMapping allocation;

	@Valid
	private final PeopleMapping people;

	/**
	 * Binds the flat keys; see {@link PayrollMapping}, {@link AllocationMapping} and
	 * {@link PeopleMapping} for what each means.
	 */
	public MappingRules(@DefaultValue Map<PayrollComponent, String> accounts, @DefaultValue("M") String voucherType,
			String defaultCompany, @DefaultValue Map<String, String> companyByLocation,
			@DefaultValue("CodeB") String costCenterCodePart, @DefaultValue Map<String, String> costCenterByDepartment,
			String defaultCostCenter, @DefaultValue("CodeC") String jobCodePart,
			@DefaultValue Map<String, String> jobByTitle, @DefaultValue Map<String, String> vismaDepartmentByDepartment,
			@DefaultValue Map<String, String> vismaBranchByLocation, @DefaultValue List<AllocationRule> allocationRules,
			@DefaultValue Map<String, EarningCategory> earningCategories,
			@DefaultValue Map<EarningCategory, String> wageAccounts,
			@DefaultValue Map<String, String> employerTaxAccounts, @DefaultValue Map<String, String> benefitAccounts,
			@DefaultValue("false") boolean rowsPerEmployee,
			@DefaultValue("CHECK_DATE") PayrollMapping.VoucherDate voucherDate,
			@DefaultValue("ReferenceNumber") String voucherReferenceField,
			@DefaultValue("72") int voucherReferenceMaxLength,
			@DefaultValue("FIRST_OPEN_DAY") PayrollMapping.ClosedPeriod reversalInClosedPeriod,
			@DefaultValue("1") int fiscalYearStartMonth,
			@DefaultValue("CURRENT") PayrollMapping.WorkLocationAsOf workLocationAsOf, String vismaEmployeeClass,
			String vismaCalendar) {
		this.payroll = new PayrollMapping(accounts, voucherType, earningCategories, wageAccounts, employerTaxAccounts,
				benefitAccounts, rowsPerEmployee, voucherDate, voucherReferenceField, voucherReferenceMaxLength,
				reversalInClosedPeriod, fiscalYearStartMonth, workLocationAsOf);
		this.allocation = new AllocationMapping(defaultCompany, companyByLocation, costCenterCodePart,
				costCenterByDepartment, defaultCostCenter, jobCodePart, jobByTitle, allocationRules);
		this.people = new PeopleMapping(vismaDepartmentByDepartment, vismaBranchByLocation, vismaEmployeeClass,
				vismaCalendar);
	}

	/**
	 * The payroll flow's mapping.
	 * @return accounts, voucher type and date, references, fiscal calendar
	 */
	public PayrollMapping payroll() {
		return this.payroll;
	}

	/**
	 * Where employees' cost lands in IFS.
	 * @return company, cost center and project rules
	 */
	public AllocationMapping allocation() {
		return this.allocation;
	}

	/**
	 * The people sync's mapping onto Visma.
	 * @return Visma departments and branches
	 */
	public PeopleMapping people() {
		return this.people;
	}

}
