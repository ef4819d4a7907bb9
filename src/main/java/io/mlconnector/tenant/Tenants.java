package io.mlconnector.tenant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured tenants, with the lookups inbound requests need (a Gusto company or a
 * Slack workspace to its tenant).
 */
public class Tenants {

	private final Map<String, Tenant> byId;

	Tenants(TenantsProperties properties) {
		Map<String, Tenant> tenants = new LinkedHashMap<>();
		properties.tenants().forEach((id, tenant) -> tenants.put(id, new Tenant(id, tenant)));
		this.byId = Collections.unmodifiableMap(tenants);
		requireUnique("gusto.company-uuid",
				tenants.values()
					.stream()
					.flatMap((t) -> t.gusto().stream())
					.map(GustoConnection::companyUuid)
					.toList());
		requireUnique("slack.team-id",
				tenants.values().stream().flatMap((t) -> t.slack().stream()).map(SlackConnection::teamId).toList());
	}

	private static void requireUnique(String key, List<String> values) {
		values.stream().filter((value) -> Collections.frequency(values, value) > 1).findFirst().ifPresent((value) -> {
			throw new IllegalStateException("mlc.tenants.*." + key + " '" + value
					+ "' is configured for more than one tenant; inbound events could not be routed. "
					+ "Give each tenant its own " + key);
		});
	}

	public List<Tenant> all() {
		return List.copyOf(this.byId.values());
	}

	public Optional<Tenant> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/**
	 * Returns the tenant with the given id.
	 * @param id the tenant id
	 * @return the tenant
	 * @throws UnknownTenantException if no such tenant is configured
	 */
	public Tenant require(String id) {
		Tenant tenant = this.byId.get(id);
		if (tenant == null) {
			throw new UnknownTenantException(id);
		}
		return tenant;
	}

	public Optional<Tenant> findByGustoCompany(String companyUuid) {
		return this.byId.values()
			.stream()
			.filter((t) -> t.gusto().map((g) -> g.companyUuid().equals(companyUuid)).orElse(false))
			.findFirst();
	}

	public Optional<Tenant> findBySlackTeam(String teamId) {
		return this.byId.values()
			.stream()
			.filter((t) -> t.slack().map((s) -> s.teamId().equals(teamId)).orElse(false))
			.findFirst();
	}

}
