package io.mlconnector.people;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

	/** How long an event's sync waits for another sync of the same employee. */
	private static final Duration EVENT_LOCK_WAIT = Duration.ofMinutes(2);

	private final GustoClient gusto;

	private final IfsClients ifs;

	private final VismaClients visma;

	private final EmployeeLinks links;

	private final EmployeeLocks locks;

	private final MeterRegistry meters;

	PersonSync(GustoClient gusto, IfsClients ifs, VismaClients visma, EmployeeLinks links, EmployeeLocks locks,
			MeterRegistry meters) {
		this.gusto = gusto;
		this.ifs = ifs;
		this.visma = visma;
		this.links = links;
		this.locks = locks;
		this.meters = meters;
	}

	/**
	 * Syncs the employee as Gusto has them now, looking each target up first (an event's
	 * sync). Waits for another sync of the same employee to end.
	 * @param tenant the tenant
	 * @param employeeUuid the Gusto employee
	 * @param executionId the job execution, for the record
	 * @return what was done to each target
	 */
	Result sync(Tenant tenant, String employeeUuid, long executionId) {
		return this.locks.withLock(tenant.id(), employeeUuid, EVENT_LOCK_WAIT, () -> {
			GustoEmployee employee = this.gusto.employee(tenant.id(), employeeUuid).block(GUSTO_TIMEOUT);
			if (employee == null) {
				throw new PeopleSyncRejectedException(
						List.of("Gusto returned no employee " + employeeUuid + " for tenant " + tenant.id()));
			}
			return apply(tenant, Person.of(employee), executionId, null,
					this.links.find(tenant.id(), employeeUuid).orElse(null));
		})
			.orElseThrow(() -> new IllegalStateException("employee " + employeeUuid + " of tenant " + tenant.id()
					+ " is being synced by another job for longer than " + EVENT_LOCK_WAIT + "; retried later"));
	}

	/**
	 * Syncs an employee the sweep read from Gusto, judging IFS and Visma by the sweep's
	 * snapshot. When someone synced the employee after the snapshot was taken, the
	 * employee is read from Gusto again and looked up in each target, as an event's sync
	 * does.
	 * @param tenant the tenant
	 * @param person the employee as the sweep read them
	 * @param executionId the sweep's execution
	 * @param snapshot the sweep's snapshot
	 * @param wait how long to wait for another sync of the employee
	 * @return what was done, or empty when another sync held the employee all the wait
	 */
	Optional<Result> sweep(Tenant tenant, Person person, long executionId, PeopleSnapshot snapshot, Duration wait) {
		return this.locks.withLock(tenant.id(), person.employeeUuid(), wait, () -> {
			EmployeeLinks.Link link = this.links.find(tenant.id(), person.employeeUuid()).orElse(null);
			if (snapshot.unchangedSince(person.employeeUuid(), link)) {
				return apply(tenant, person, executionId, snapshot, link);
			}
			GustoEmployee employee = this.gusto.employee(tenant.id(), person.employeeUuid()).block(GUSTO_TIMEOUT);
			return apply(tenant, (employee != null) ? Person.of(employee) : person, executionId, null, link);
		});
	}

	private Result apply(Tenant tenant, Person person, long executionId, PeopleSnapshot snapshot,
			EmployeeLinks.Link link) {
		String previousCompany = (link != null) ? link.ifsCompany() : null;
		TargetOutcome ifsOutcome = null;
		if (tenant.ifs().isPresent()) {
			try {
				ifsOutcome = new IfsResources(this.ifs.forTenant(tenant), tenant.mapping().allocation(),
						(snapshot != null) ? snapshot.ifs() : null)
					.sync(person, previousCompany);
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
				vismaOutcome = new VismaEmployees(this.visma.forTenant(tenant), tenant.mapping().people(),
						(snapshot != null) ? snapshot.visma() : null)
					.sync(person);
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
