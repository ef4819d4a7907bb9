package io.mlconnector.slack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.tenant.SlackConnection;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import okhttp3.OkHttpClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;

/**
 * One {@link SlackClient} per tenant with Slack configured, created on first use and
 * kept. Each has its own SDK instance, whose methods base URL is the tenant's
 * {@code api-url} (Slack: {@code https://slack.com/api}; the sandbox:
 * {@code .../sandbox/slack/api}). Redirects are not followed (Slack's Web API does not
 * redirect; one is a misconfiguration, never a place to resend the token).
 */
public class SlackClients implements DisposableBean {

	private final Tenants tenants;

	private final SlackTokens tokens;

	private final RequestBudget budget;

	private final SlackProperties properties;

	private final SlackMetrics metrics;

	private final Scheduler scheduler = Schedulers.newBoundedElastic(16, 4096, "slack-http");

	private final Map<String, SlackClient> clients = new ConcurrentHashMap<>();

	private final Map<String, Slack> sdks = new ConcurrentHashMap<>();

	SlackClients(Tenants tenants, SlackTokens tokens, RequestBudget budget, SlackProperties properties,
			SlackMetrics metrics) {
		this.tenants = tenants;
		this.tokens = tokens;
		this.budget = budget;
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * The client of a tenant.
	 * @param tenantId the tenant id
	 * @return its Slack client
	 * @throws io.mlconnector.tenant.UnknownTenantException if there is no such tenant
	 * @throws IllegalArgumentException if the tenant has no Slack connection
	 */
	public SlackClient forTenant(String tenantId) {
		return this.clients.computeIfAbsent(tenantId, (id) -> create(this.tenants.require(id)));
	}

	private SlackClient create(Tenant tenant) {
		SlackConnection connection = SlackTokens.connection(tenant);
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(connection.apiUrl().toString().replaceAll("/+$", "") + "/");
		int timeout = (int) this.properties.requestTimeout().toMillis();
		config.setHttpClientReadTimeoutMillis(timeout);
		config.setHttpClientWriteTimeoutMillis(timeout);
		config.setHttpClientCallTimeoutMillis(timeout);
		config.setPrettyResponseLoggingEnabled(false);
		config.getMethodsConfig().setStatsEnabled(false);
		OkHttpClient http = SlackHttpClient.buildOkHttpClient(config)
			.newBuilder()
			.followRedirects(false)
			.followSslRedirects(false)
			.connectTimeout(timeout, TimeUnit.MILLISECONDS)
			.build();
		SlackHttpClient client = new SlackHttpClient(http);
		client.setConfig(config);
		Slack slack = Slack.getInstance(config, client);
		this.sdks.put(tenant.id(), slack);
		return new SlackClient(tenant, slack, this.tokens, this.budget, this.properties, this.scheduler, this.metrics);
	}

	@Override
	public void destroy() throws Exception {
		for (Slack slack : this.sdks.values()) {
			slack.close();
		}
		this.scheduler.dispose();
	}

}
