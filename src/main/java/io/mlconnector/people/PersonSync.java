package io.mlconnector.people;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.ifs.IfsException;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.visma.VismaClients;
import io.mlconnector.visma.VismaException;

/**
 * Syncs one employee: reads the employee from Gusto as it is now (an event is only a
 * pointer, so out-of-order and repeated events end the same), then makes IFS and Visma
 * hold it, each independently, and records the outcome in {@code employee_link}. A tenant
 * without IFS or without Visma syncs only what it has.
 */
final class PersonSync {

	private static final Duration GUSTO_TIMEOUT = Duration.ofMinutes(2);

	private final GustoClient gusto;

	private final IfsClients ifs;

	private final VismaClients visma;

	private final EmployeeLinks links;

	private final MeterRegistry meters;

	PersonSync(GustoClient gusto, IfsClients ifs, VismaClients visma, EmployeeLinks links, MeterRegistry meters) {
		this.gusto = gusto;
		this.ifs = ifs;
		this.visma = visma;
		this.links = links;
		this.meters = meters;
	}

	/**
	 * Syncs the employee.
	 * @param tenant the tenant
	 * @param employeeUuid the Gusto employee
	 * @param executionId the job execution, for the record
	 * @return what was done to each target
	 */
	Result sync(Tenant tenant, String employeeUuid, long executionId) {
		GustoEmployee employee = this.gusto.employee(tenant.id(), employeeUuid).block(GUSTO_TIMEOUT);
		if (employee == null) {
			throw new PeopleSyncRejectedException(
					List.of("Gusto returned no employee " + employeeUuid + " for tenant " + tenant.id()));
		}
		return sync(tenant, Person.of(employee), executionId);
	}

	/**
	 * Syncs an employee already read from Gusto (the sweep reads them all at once).
	 */
	Result sync(Tenant tenant, Person person, long executionId) {
		String previousCompany = this.links.find(tenant.id(), person.employeeUuid())
			.map(EmployeeLinks.Link::ifsCompany)
			.orElse(null);
		TargetOutcome ifsOutcome = null;
		if (tenant.ifs().isPresent()) {
			try {
				ifsOutcome = new IfsResources(this.ifs.forTenant(tenant), tenant.mapping().allocation()).sync(person,
						previousCompany);
			}
			catch (IfsException ex) {
				if (!refusedOutright(ex.status())) {
					throw ex;
				}
				ifsOutcome = TargetOutcome.failed("IFS refused the resource: " + ex.getMessage());
			}
		}
		TargetOutcome vismaOutcome = null;
		if (tenant.visma().isPresent()) {
			try {
				vismaOutcome = new VismaEmployees(this.visma.forTenant(tenant), tenant.mapping().people()).sync(person);
			}
			catch (VismaException ex) {
				if (!refusedOutright(ex.status())) {
					throw ex;
				}
				vismaOutcome = TargetOutcome.failed("Visma refused the employee: " + ex.getMessage());
			}
		}
		String company = (ifsOutcome != null && ifsOutcome.key() != null) ? ifsOutcome.key().split("/")[0] : null;
		this.links.record(tenant.id(), person, ifsOutcome, company, vismaOutcome, executionId);
		count(tenant, "ifs", ifsOutcome);
		count(tenant, "visma", vismaOutcome);
		return new Result(person, ifsOutcome, vismaOutcome);
	}

	private void count(Tenant tenant, String target, TargetOutcome outcome) {
		if (outcome != null) {
			this.meters
				.counter("mlc.people.synced", "tenant", tenant.id(), "target", target, "outcome",
						outcome.status().name().toLowerCase(java.util.Locale.ROOT))
				.increment();
		}
	}

	private static boolean refusedOutright(int status) {
		return status >= 400 && status < 500 && status != 408 && status != 409 && status != 412 && status != 429;
	}

	/**
	 * What one sync did.
	 *
	 * @param person the employee as Gusto has them
	 * @param ifs the IFS outcome, {@code null} without IFS
	 * @param visma the Visma outcome, {@code null} without Visma
	 */
	record Result(Person person, TargetOutcome ifs, TargetOutcome visma) {

		List<String> problems() {
			List<String> problems = new ArrayList<>();
			for (TargetOutcome outcome : new TargetOutcome[] { this.ifs, this.visma }) {
				if (outcome != null && outcome.status() == TargetOutcome.Status.FAILED) {
					problems.add(outcome.detail());
				}
			}
			return problems;
		}

		int writes() {
			return ((this.ifs != null) ? this.ifs.writes() : 0) + ((this.visma != null) ? this.visma.writes() : 0);
		}

	}

}
