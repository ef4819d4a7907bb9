package io.mlconnector.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.mlconnector.tenant.AllocationMapping;
import io.mlconnector.tenant.AllocationRule;

/**
 * Maps an employee, or one of their jobs, to company, cost center and project with the
 * tenant's ordered allocation rules (first match wins); what the matching rule leaves
 * empty comes from {@code company-by-location}, {@code cost-center-by-department},
 * {@code job-by-title} and the defaults.
 */
public final class Allocator {

	private final AllocationMapping rules;

	private final String ifsCompany;

	/**
	 * An allocator.
	 * @param rules the tenant's allocation mapping
	 * @param ifsCompany the IFS connection's company, for locations no rule maps
	 */
	public Allocator(AllocationMapping rules, String ifsCompany) {
		this.rules = rules;
		this.ifsCompany = ifsCompany;
	}

	/**
	 * Where an employee's amounts in a job go.
	 * @param profile the employee
	 * @param job the job the amounts were earned in, or {@code null}
	 * @return the shares (one unless a rule splits), or why the employee cannot be mapped
	 */
	public Outcome allocate(EmployeeProfile profile, EmployeeProfile.Job job) {
		AllocationRule rule = this.rules.allocationRules()
			.stream()
			.filter((candidate) -> matches(candidate, profile, job))
			.findFirst()
			.orElse(null);
		String company = first((rule != null) ? rule.company() : null,
				this.rules.companyByLocation().get(profile.workLocationUuid()), this.rules.defaultCompany(),
				this.ifsCompany);
		String costCenter = first((rule != null) ? rule.costCenter() : null,
				this.rules.costCenterByDepartment().get(profile.department()), this.rules.defaultCostCenter());
		String project = first((rule != null) ? rule.project() : null,
				(job != null) ? this.rules.jobByTitle().get(job.title()) : null);
		if (rule != null && !rule.split().isEmpty()) {
			List<Allocation.Share> shares = rule.split()
				.stream()
				.map((share) -> new Allocation.Share(new Allocation(first(share.company(), company),
						first(share.costCenter(), costCenter), first(share.project(), project)), share.weight()))
				.toList();
			if (shares.stream().anyMatch((share) -> share.target().costCenter() == null)) {
				return new Unmapped(unmappedCostCenter(profile));
			}
			return new Allocated(shares);
		}
		if (costCenter == null) {
			return new Unmapped(unmappedCostCenter(profile));
		}
		return new Allocated(
				List.of(new Allocation.Share(new Allocation(company, costCenter, project), BigDecimal.ONE)));
	}

	/**
	 * Where amounts of the payroll as a whole go (taxes outside the employee
	 * compensations).
	 * @return the tenant's default company and cost center
	 */
	public Allocation payrollLevel() {
		return new Allocation(first(this.rules.defaultCompany(), this.ifsCompany), this.rules.defaultCostCenter(),
				null);
	}

	private String unmappedCostCenter(EmployeeProfile profile) {
		String department = (profile.department() != null) ? "'" + profile.department() + "'" : "(none)";
		return "no cost center for department " + department + ": add mapping.cost-center-by-department."
				+ ((profile.department() != null) ? bracketed(profile.department()) : "<department>")
				+ ", an allocation rule for employee " + profile.employeeUuid() + ", or mapping.default-cost-center";
	}

	private static String bracketed(String key) {
		return key.matches("[A-Za-z0-9_-]+") ? key : "\"[" + key + "]\"";
	}

	private static boolean matches(AllocationRule rule, EmployeeProfile profile, EmployeeProfile.Job job) {
		return condition(rule.employee(), profile.employeeUuid()) && condition(rule.department(), profile.department())
				&& condition(rule.location(), profile.workLocationUuid())
				&& condition(rule.jobTitle(), (job != null) ? job.title() : null)
				&& condition(rule.jobUuid(), (job != null) ? job.uuid() : null);
	}

	private static boolean condition(String expected, String actual) {
		return expected == null || expected.isBlank() || Objects.equals(expected, actual);
	}

	private static String first(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * The outcome of allocating an employee.
	 */
	public sealed interface Outcome permits Allocated, Unmapped {

		/**
		 * The shares, or none after telling why the employee cannot be mapped.
		 * @param unmapped told the reason when the employee cannot be mapped
		 * @return the shares; empty when unmapped
		 */
		List<Allocation.Share> sharesOr(Consumer<String> unmapped);

	}

	/**
	 * The employee's amounts go to these shares.
	 *
	 * @param shares one or more shares with positive weights
	 */
	public record Allocated(List<Allocation.Share> shares) implements Outcome {

		@Override
		public List<Allocation.Share> sharesOr(Consumer<String> unmapped) {
			return this.shares;
		}

	}

	/**
	 * The employee cannot be mapped.
	 *
	 * @param reason what is missing and which key to add
	 */
	public record Unmapped(String reason) implements Outcome {

		@Override
		public List<Allocation.Share> sharesOr(Consumer<String> unmapped) {
			unmapped.accept(this.reason);
			return List.of();
		}

	}

}
