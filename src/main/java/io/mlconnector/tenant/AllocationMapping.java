package io.mlconnector.tenant;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * How employees are allocated in IFS, shared by every flow that books or syncs people
 * there (payroll vouchers, IFS resources): work location, department and job to company,
 * cost center and project. The keys are {@code mapping.*} of a tenant.
 *
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
 * @param allocationRules ordered rules mapping employees, or their jobs, to company, cost
 * center and project; the first match wins, and what a rule leaves empty comes from the
 * maps above
 */
public record AllocationMapping(String defaultCompany, @NotNull Map<String, @NotBlank String> companyByLocation,
		@Pattern(regexp = CODE_PART,
				message = "mapping.cost-center-code-part must be one of CodeB to CodeJ") String costCenterCodePart,
		@NotNull Map<String, @NotBlank String> costCenterByDepartment, String defaultCostCenter,
		@Pattern(regexp = CODE_PART,
				message = "mapping.job-code-part must be one of CodeB to CodeJ") String jobCodePart,
		@NotNull Map<String, @NotBlank String> jobByTitle, @NotNull List<@Valid AllocationRule> allocationRules) {

	static final String CODE_PART = "Code[B-J]";

}
