package io.mlconnector.tenant;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How Gusto's people data maps onto Visma.net codes, for the people sync. The keys are
 * {@code mapping.*} of a tenant.
 *
 * @param vismaDepartmentByDepartment Gusto department title to Visma department id
 * @param vismaBranchByLocation Gusto work location uuid to Visma branch (dimension) id
 * @param vismaEmployeeClass the Visma employee class new employees are created in (Visma
 * requires one); empty means creating a Visma employee fails naming this key
 * @param vismaCalendar the Visma calendar new employees are created with (required by
 * Visma); empty means creating a Visma employee fails naming this key
 */
public record PeopleMapping(@NotNull Map<String, @NotBlank String> vismaDepartmentByDepartment,
		@NotNull Map<String, @NotBlank String> vismaBranchByLocation, String vismaEmployeeClass, String vismaCalendar) {

}
