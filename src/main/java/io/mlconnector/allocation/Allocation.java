package io.mlconnector.allocation;

import java.math.BigDecimal;

/**
 * Where an employee's cost lands in IFS: company, cost center and, optionally, project
 * (the value of the tenant's {@code job-code-part}).
 *
 * @param company IFS company
 * @param costCenter cost center, {@code null} only for payroll-level amounts of a tenant
 * without a default cost center
 * @param project project or job allocation, or {@code null}
 */
public record Allocation(String company, String costCenter, String project) {

	/**
	 * A share of an allocation split by weight.
	 *
	 * @param target where the share lands
	 * @param weight its relative weight
	 */
	public record Share(Allocation target, BigDecimal weight) {

	}

}
