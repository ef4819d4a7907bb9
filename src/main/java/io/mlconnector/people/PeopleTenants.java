package io.mlconnector.people;

import io.mlconnector.tenant.Tenant;

/**
 * Which tenants sync people: those with Gusto and at least one of IFS and Visma.
 */
final class PeopleTenants {

	private PeopleTenants() {
	}

	static boolean syncsPeople(Tenant tenant) {
		return tenant.gusto().isPresent() && (tenant.ifs().isPresent() || tenant.visma().isPresent());
	}

	static String doesNotSyncPeople(Tenant tenant) {
		return "tenant " + tenant.id() + " does not sync people (it needs Gusto and IFS or Visma)";
	}

}
