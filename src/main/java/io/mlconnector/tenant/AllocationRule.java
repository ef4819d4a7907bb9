package io.mlconnector.tenant;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One allocation rule: which employees (or which of their jobs) it matches, and where
 * their payroll cost goes. Rules are tried in order; the first that matches wins. Every
 * condition that is set must hold; a rule without conditions matches everyone.
 *
 * @param employee Gusto employee uuid (an explicit override)
 * @param department Gusto department title
 * @param location Gusto work location uuid
 * @param jobTitle title of the Gusto job the compensation line belongs to
 * @param jobUuid uuid of that job
 * @param company IFS company; empty means {@code company-by-location}, then
 * {@code default-company}
 * @param costCenter cost center; empty means {@code cost-center-by-department}, then
 * {@code default-cost-center}
 * @param project value of {@code job-code-part}; empty means {@code job-by-title}
 * @param split instead of one target, shares of the cost by weight (for example 60 and
 * 40); each share names its own cost center and optionally company and project
 */
public record AllocationRule(String employee, String department, String location, String jobTitle, String jobUuid,
		String company, String costCenter, String project, @DefaultValue List<@Valid Share> split) {

	/**
	 * One share of a split allocation.
	 *
	 * @param company IFS company; empty means the employee's company
	 * @param costCenter cost center of this share
	 * @param project job-code-part value of this share
	 * @param weight relative weight, for example a percentage
	 */
	public record Share(String company, String costCenter, String project, @NotNull @DecimalMin(value = "0",
			inclusive = false, message = "a split share needs a positive weight") BigDecimal weight) {

	}

}
