package io.mlconnector.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One health indicator per tenant and configured connection
 * ({@code connections.<tenant>.<system>}). A failing connection reports {@code DEGRADED}:
 * visible on {@code /actuator/health} (still HTTP 200), but never a reason for an
 * orchestrator to restart the service.
 */
final class ConnectionsHealth {

	static final Status DEGRADED = new Status("DEGRADED", "an external connection failed");

	private ConnectionsHealth() {
	}

	static CompositeReactiveHealthContributor of(Tenants tenants, ConnectionChecks checks) {
		Map<String, CompositeReactiveHealthContributor> byTenant = new LinkedHashMap<>();
		for (Tenant tenant : tenants.all()) {
			Map<String, ReactiveHealthIndicator> bySystem = new LinkedHashMap<>();
			for (ConnectionCheck check : checks.applicable(tenant)) {
				bySystem.put(check.system(), () -> checks.cached(tenant, check).map(ConnectionsHealth::health));
			}
			if (!bySystem.isEmpty()) {
				byTenant.put(tenant.id(), CompositeReactiveHealthContributor.fromMap(bySystem));
			}
		}
		return CompositeReactiveHealthContributor.fromMap(byTenant);
	}

	private static Health health(ConnectionCheck.Result result) {
		return Health.status(result.ok() ? Status.UP : DEGRADED)
			.withDetail("latencyMs", result.latency().toMillis())
			.withDetail("detail", result.detail())
			.build();
	}

}
