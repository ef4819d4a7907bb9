package io.mlconnector.ifs;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.tenant.IfsConnection;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One {@link IfsClient} per tenant with IFS configured, created on first use (so base
 * URLs are read when the first request is made, not at start-up) and kept: its token
 * cache and in-flight limit live as long as the application.
 */
public class IfsClients implements DisposableBean {

	private final Tenants tenants;

	private final WebClient.Builder webClients;

	private final RequestBudget budget;

	private final OutboundRetry retry;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, IfsClient> clients = new ConcurrentHashMap<>();

	private final Map<String, ConnectionProvider> pools = new ConcurrentHashMap<>();

	IfsClients(Tenants tenants, WebClient.Builder webClients, RequestBudget budget, OutboundRetry retry,
			JsonMapper json, Clock clock) {
		this.tenants = tenants;
		this.webClients = webClients;
		this.budget = budget;
		this.retry = retry;
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.clock = clock;
	}

	/**
	 * The client of a tenant.
	 * @param tenantId the tenant id
	 * @return its IFS client
	 * @throws io.mlconnector.tenant.UnknownTenantException if there is no such tenant
	 * @throws IllegalStateException if the tenant has no IFS connection
	 */
	public IfsClient forTenant(String tenantId) {
		return this.clients.computeIfAbsent(tenantId, (id) -> create(this.tenants.require(id)));
	}

	public IfsClient forTenant(Tenant tenant) {
		return forTenant(tenant.id());
	}

	@Override
	public void destroy() {
		this.pools.values().forEach(ConnectionProvider::dispose);
	}

	private IfsClient create(Tenant tenant) {
		IfsConnection connection = tenant.ifs()
			.orElseThrow(() -> new IllegalStateException(
					"Tenant " + tenant.id() + " has no IFS connection: configure mlc.tenants." + tenant.id() + ".ifs"));
		ConnectionProvider pool = ConnectionProvider.builder("ifs-" + tenant.id())
			.maxConnections(connection.maxConcurrentRequests())
			.pendingAcquireMaxCount(-1)
			.build();
		this.pools.put(tenant.id(), pool);
		HttpClient http = HttpClient.create(pool)
			.responseTimeout(connection.requestTimeout())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
		WebClient web = this.webClients.clone()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
		String base = connection.baseUrl().toString().replaceAll("/+$", "");
		URI tokenUri = URI.create(base + "/auth/realms/" + connection.realm() + "/protocol/openid-connect/token");
		IfsTokens tokens = new IfsTokens(tenant.id(), web, tokenUri, connection.clientId(), connection.clientSecret(),
				this.json, this.clock);
		return new IfsClient(tenant.id(), connection, web, tokens, this.budget, this.retry, this.json, this.clock);
	}

}
