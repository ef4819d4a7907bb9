package io.mlconnector.people;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mlconnector.allocation.Allocation;
import io.mlconnector.allocation.Allocator;
import io.mlconnector.ifs.IfsClient;
import io.mlconnector.ifs.IfsConflictException;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsQuery;
import io.mlconnector.tenant.AllocationMapping;
import io.mlconnector.tenant.IfsEntitySet;

/**
 * The IFS side of the people sync: one resource per employee in the IFS company the
 * shared allocation rules give (the same ones payroll allocates by), with the cost center
 * and project code parts, Active while Gusto shows the employee employed and Blocked with
 * an end date after, never deleted.
 * <p>
 * [ASSUMPTION] simulated: IFS does not publish a projection for employee resources. The
 * entity set is {@code ifs.entity-sets.resource}
 * ({@code ResourceHandling.svc/ResourceSet}); its keys ({@code Company},
 * {@code ResourceSeq}), the properties {@code Description}, {@code EmployeeReference},
 * {@code ValidFrom} and {@code ValidTo}, and the actions {@code Resource_Block} and
 * {@code Resource_Activate} are the sandbox's. The resource is found by the
 * {@code EmployeeReference} it carries ({@code GUSTO:<uuid>}) before every create, so a
 * crash between IFS's answer and our record never creates a second.
 */
final class IfsResources {

	static final List<String> KEYS = List.of("Company", "ResourceSeq");

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final IfsClient ifs;

	private final IfsEntitySet set;

	private final AllocationMapping mapping;

	private final Allocator allocator;

	private final Lookup lookup;

	/**
	 * Syncs looking each resource up in IFS first.
	 */
	IfsResources(IfsClient ifs, AllocationMapping mapping) {
		this(ifs, mapping, null);
	}

	/**
	 * Syncs looking resources up with the given look-up (the sweep's snapshot of IFS).
	 */
	IfsResources(IfsClient ifs, AllocationMapping mapping, Lookup lookup) {
		this.ifs = ifs;
		this.set = ifs.connection().entitySets().resource();
		this.mapping = mapping;
		this.allocator = new Allocator(mapping, ifs.connection().company());
		this.lookup = (lookup != null) ? lookup : this::findInIfs;
	}

	/**
	 * The entity set the resources are in.
	 */
	static IfsEntitySet set(IfsClient ifs) {
		return ifs.connection().entitySets().resource();
	}

	/**
	 * The query that reads every resource the people sync keeps (all companies).
	 */
	static IfsQuery managed() {
		return IfsQuery.all().filter("startswith(EmployeeReference,'" + Person.REFERENCE_PREFIX + "')");
	}

	/**
	 * Makes IFS hold the employee as Gusto has them.
	 * @param person the employee
	 * @param previousCompany the IFS company the employee's resource was in when last
	 * synced, or {@code null}
	 * @return what was done
	 */
	TargetOutcome sync(Person person, String previousCompany) {
		StringBuilder unmapped = new StringBuilder();
		List<Allocation.Share> shares = this.allocator
			.allocate(person.profile(), person.profile().primaryJob().orElse(null))
			.sharesOr(unmapped::append);
		if (shares.isEmpty()) {
			return TargetOutcome.failed("IFS: employee " + person.employeeUuid() + " is not mapped: " + unmapped);
		}
		// a resource has one cost center: the largest share of a split
		Allocation target = shares.stream().max(Comparator.comparing(Allocation.Share::weight)).orElseThrow().target();
		int writes = 0;
		if (previousCompany != null && !previousCompany.equals(target.company())) {
			writes += blockIn(previousCompany, person);
		}
		IfsEntity found = find(target.company(), person);
		Map<String, Object> desired = desired(person, target);
		if (found == null) {
			if (!person.active()) {
				return TargetOutcome.skipped("IFS: employee left before a resource was created; none is created");
			}
			IfsEntity created = this.ifs.create(this.set, desired).block(TIMEOUT);
			return new TargetOutcome(TargetOutcome.Status.SYNCED, key(created),
					"created in company " + target.company(), writes + 1);
		}
		try {
			writes += apply(found, desired, person.active());
		}
		catch (IfsConflictException ex) {
			// changed in IFS since it was read: read it again and apply once more
			writes += apply(this.ifs.read(this.set, found.key(KEYS)).block(TIMEOUT), desired, person.active());
		}
		return new TargetOutcome(TargetOutcome.Status.SYNCED, key(found),
				(writes == 0) ? "unchanged" : "updated in company " + target.company(), writes);
	}

	private IfsEntity find(String company, Person person) {
		return this.lookup.find(company, person.reference());
	}

	private IfsEntity findInIfs(String company, String reference) {
		Map<String, Object> match = new LinkedHashMap<>();
		match.put("Company", company);
		match.put("EmployeeReference", reference);
		return this.ifs.findUnique(this.set, match).block(TIMEOUT);
	}

	private int blockIn(String company, Person person) {
		IfsEntity old = find(company, person);
		if (old == null || !"Active".equals(old.string("Objstate"))) {
			return 0;
		}
		this.ifs.invoke(this.set, old.key(KEYS), "Resource_Block", old.etag(), Map.of()).block(TIMEOUT);
		return 1;
	}

	private int apply(IfsEntity current, Map<String, Object> desired, boolean active) {
		int writes = 0;
		Map<String, Object> changes = new LinkedHashMap<>();
		desired.forEach((property, value) -> {
			if (!Objects.equals(text(current.get(property)), text(value))) {
				changes.put(property, value);
			}
		});
		changes.remove("Company");
		IfsEntity latest = current;
		if (!changes.isEmpty()) {
			latest = this.ifs.update(this.set, current.key(KEYS), current.etag(), changes).block(TIMEOUT);
			writes++;
		}
		String state = active ? "Active" : "Blocked";
		if (!state.equals(latest.string("Objstate"))) {
			this.ifs
				.invoke(this.set, latest.key(KEYS), active ? "Resource_Activate" : "Resource_Block", latest.etag(),
						Map.of())
				.block(TIMEOUT);
			writes++;
		}
		return writes;
	}

	private Map<String, Object> desired(Person person, Allocation target) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("Company", target.company());
		values.put("Description", person.name());
		values.put("EmployeeReference", person.reference());
		values.put(this.mapping.costCenterCodePart(), target.costCenter());
		values.put(this.mapping.jobCodePart(), target.project());
		values.put("ValidFrom", (person.hiredOn() != null) ? person.hiredOn().toString() : null);
		values.put("ValidTo", (person.terminatedOn() != null) ? person.terminatedOn().toString() : null);
		return values;
	}

	private static String text(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	static String key(IfsEntity resource) {
		return resource.string("Company") + "/" + resource.get("ResourceSeq");
	}

	/**
	 * Finds an employee's resource in a company.
	 */
	@FunctionalInterface
	interface Lookup {

		/**
		 * The resource.
		 * @param company the IFS company
		 * @param reference the employee reference ({@link Person#reference()})
		 * @return the resource, or {@code null} when the company has none
		 */
		IfsEntity find(String company, String reference);

	}

}
