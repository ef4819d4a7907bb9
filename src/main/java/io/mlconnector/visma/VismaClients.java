package io.mlconnector.visma;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import io.mlconnector.tenant.VismaConnection;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * One {@link VismaClient} per tenant with Visma configured, created on first use and
 * kept: its token cache and its view of Visma's rate-limit window live as long as the
 * application. One tenant is one Visma company, so this is also one token per company.
 */
public class VismaClients {

	private final Tenants tenants;

	private final WebClient web;

	private final RequestBudget budget;

	private final VismaProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, VismaClient> clients = new ConcurrentHashMap<>();

	VismaClients(Tenants tenants, WebClient web, RequestBudget budget, VismaProperties properties, JsonMapper json,
			Clock clock) {
		this.tenants = tenants;
		this.web = web;
		this.budget = budget;
		this.properties = properties;
		this.json = json.rebuild()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.clock = clock;
	}

	/**
	 * The client of a tenant.
	 * @param tenantId the tenant id
	 * @return its Visma client
	 * @throws io.mlconnector.tenant.UnknownTenantException if there is no such tenant
	 * @throws IllegalStateException if the tenant has no Visma connection
	 */
	public VismaClient forTenant(String tenantId) {
		return this.clients.computeIfAbsent(tenantId, (id) -> create(this.tenants.require(id)));
	}

	public VismaClient forTenant(Tenant tenant) {
		return forTenant(tenant.id());
	}

	private VismaClient create(Tenant tenant) {
		VismaConnection connection = tenant.visma()
			.orElseThrow(() -> new IllegalStateException("Tenant " + tenant.id()
					+ " has no Visma connection: configure mlc.tenants." + tenant.id() + ".visma"));
		VismaTokens tokens = new VismaTokens(tenant.id(), this.web, connection, this.properties.tokenLeeway(),
				this.json, this.clock);
		return new VismaClient(tenant.id(), connection, this.web, tokens, this.budget, this.properties, this.json,
				this.clock);
	}

}
