package io.mlconnector.people;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mlconnector.ifs.IfsClient;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.visma.VismaClient;
import io.mlconnector.visma.VismaEmployee;
import io.mlconnector.visma.VismaEmployeeStatus;

/**
 * What IFS and Visma held of a tenant's people when the sweep started, read in pages
 * (every resource with a Gusto reference, every Visma employee) instead of one look-up
 * per employee, so that a sweep of an unchanged company makes no request beyond those
 * pages and no write. An employee synced by someone else after the snapshot was taken (an
 * event's job) is not judged by it: {@link #unchangedSince} tells, and the sweep syncs
 * that employee afresh. Kept current with the sweep's own outcomes, so the headcount it
 * reports at the end is what each system holds after the repairs.
 */
final class PeopleSnapshot {

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final Map<String, String> links;

	/** IFS resources by employee reference; {@code null} for a tenant without IFS. */
	private final Map<String, List<IfsEntity>> resources;

	/** Visma employees by number; {@code null} for a tenant without Visma. */
	private final Map<String, VismaEmployee> employees;

	/** Whether the latest known IFS state of each reference is Active. */
	private final Map<String, Boolean> ifsActive = new HashMap<>();

	/** Whether the latest known Visma state of each managed employee is Active. */
	private final Map<String, Boolean> vismaActive = new HashMap<>();

	/**
	 * A snapshot of what was read.
	 * @param links the links' stamps by employee ({@link EmployeeLinks#stamp})
	 * @param resources IFS resources by employee reference, {@code null} without IFS
	 * @param employees Visma employees by number, {@code null} without Visma
	 */
	PeopleSnapshot(Map<String, String> links, Map<String, List<IfsEntity>> resources,
			Map<String, VismaEmployee> employees) {
		this.links = links;
		this.resources = resources;
		this.employees = employees;
		if (resources != null) {
			resources.forEach((reference, found) -> this.ifsActive.put(reference,
					found.stream().anyMatch((resource) -> "Active".equals(resource.string("Objstate")))));
		}
		if (employees != null) {
			employees.forEach((number, employee) -> {
				if (managed(number)) {
					this.vismaActive.put(number, employee.status() == VismaEmployeeStatus.ACTIVE);
				}
			});
		}
	}

	/**
	 * Takes the snapshot: the links first, then the targets, so that a sync that ends
	 * while the targets are read shows in its link as a change since the snapshot.
	 * @param tenant the tenant
	 * @param links the employee links
	 * @param ifs the tenant's IFS client, or {@code null}
	 * @param visma the tenant's Visma client, or {@code null}
	 * @return the snapshot
	 */
	static PeopleSnapshot take(String tenant, EmployeeLinks links, IfsClient ifs, VismaClient visma) {
		Map<String, String> stamps = links.stamps(tenant);
		Map<String, List<IfsEntity>> resources = null;
		if (ifs != null) {
			resources = new HashMap<>();
			for (IfsEntity resource : ifs.readAll(IfsResources.set(ifs), IfsResources.managed())
				.collectList()
				.block(TIMEOUT)) {
				String reference = resource.string("EmployeeReference");
				if (reference != null) {
					resources.computeIfAbsent(reference, (key) -> new ArrayList<>(1)).add(resource);
				}
			}
		}
		Map<String, VismaEmployee> employees = null;
		if (visma != null) {
			employees = new HashMap<>();
			for (VismaEmployee employee : visma.employees().collectList().block(TIMEOUT)) {
				if (employee.employeeNumber() != null) {
					employees.put(employee.employeeNumber().trim(), employee);
				}
			}
		}
		return new PeopleSnapshot(stamps, resources, employees);
	}

	/**
	 * Whether the employee's link is as it was when the snapshot was taken, so that the
	 * snapshot can stand in for look-ups in IFS and Visma.
	 * @param employeeUuid the Gusto employee
	 * @param link the link now, {@code null} when there is none
	 * @return whether nobody synced the employee since
	 */
	boolean unchangedSince(String employeeUuid, EmployeeLinks.Link link) {
		return Objects.equals(this.links.get(employeeUuid), (link != null) ? EmployeeLinks.stamp(link) : null);
	}

	/**
	 * The snapshot's IFS look-up.
	 */
	IfsResources.Lookup ifs() {
		return (company, reference) -> this.resources.getOrDefault(reference, List.of())
			.stream()
			.filter((resource) -> company.equals(resource.string("Company")))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The snapshot's Visma look-up.
	 */
	java.util.function.Function<String, VismaEmployee> visma() {
		return this.employees::get;
	}

	/**
	 * Notes what a sync did, for the headcount.
	 * @param result the sync's result
	 */
	void applied(PersonSync.Result result) {
		Person person = result.person();
		if (this.resources != null && result.ifs() != null) {
			if (result.ifs().status() == TargetOutcome.Status.SYNCED) {
				this.ifsActive.put(person.reference(), person.active());
			}
			else if (result.ifs().status() == TargetOutcome.Status.SKIPPED) {
				this.ifsActive.remove(person.reference());
			}
		}
		if (this.employees != null && result.visma() != null) {
			if (result.visma().status() == TargetOutcome.Status.SYNCED) {
				this.vismaActive.put(person.vismaEmployeeCd(), person.active());
			}
			else if (result.visma().status() == TargetOutcome.Status.SKIPPED) {
				this.vismaActive.remove(person.vismaEmployeeCd());
			}
		}
	}

	/**
	 * How many people IFS holds as Active resources with a Gusto reference, as far as the
	 * snapshot and the sweep's outcomes tell.
	 * @return the headcount, or {@code null} without IFS
	 */
	Long ifsHeadcount() {
		return (this.resources != null) ? count(this.ifsActive) : null;
	}

	/**
	 * How many employees numbered by the people sync Visma holds as Active.
	 * @return the headcount, or {@code null} without Visma
	 */
	Long vismaHeadcount() {
		return (this.employees != null) ? count(this.vismaActive) : null;
	}

	private static long count(Map<String, Boolean> active) {
		return active.values().stream().filter(Boolean::booleanValue).count();
	}

	private static boolean managed(String number) {
		return number.length() == 10 && number.startsWith(Person.VISMA_PREFIX);
	}

}
