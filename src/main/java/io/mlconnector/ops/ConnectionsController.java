package io.mlconnector.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live checks of a tenant's connections: each configured system with its latency and,
 * when it fails, exactly what failed.
 */
@RestController
@RequestMapping("/api/v1/tenants")
class ConnectionsController {

	private final Tenants tenants;

	private final ConnectionChecks checks;

	ConnectionsController(Tenants tenants, ConnectionChecks checks) {
		this.tenants = tenants;
		this.checks = checks;
	}

	/**
	 * One system's state.
	 *
	 * @param system the system
	 * @param status UP, DOWN, or UNKNOWN when this version has no check for it
	 * @param latencyMs how long the check took
	 * @param detail what was checked or what failed
	 */
	record Connection(String system, String status, Long latencyMs, String detail) {

	}

	@GetMapping("/{tenantId}/connections")
	Mono<Map<String, Object>> connections(@PathVariable String tenantId) {
		Tenant tenant = this.tenants.find(tenantId)
			.orElseThrow(() -> Problems.notFound("No tenant '" + tenantId + "' is configured"));
		List<String> configured = configured(tenant);
		return Flux.fromIterable(configured)
			.flatMap((system) -> this.checks.find(tenant, system)
				.map((check) -> this.checks.live(tenant, check)
					.map((result) -> new Connection(system, result.ok() ? "UP" : "DOWN", result.latency().toMillis(),
							result.detail())))
				.orElseGet(() -> Mono.just(new Connection(system, "UNKNOWN", null,
						"this version of ml-connector has no connection check for " + system))))
			.collectList()
			.map((connections) -> Map.of("tenant", tenantId, "connections", connections));
	}

	private static List<String> configured(Tenant tenant) {
		List<String> systems = new ArrayList<>();
		tenant.gusto().ifPresent((gusto) -> systems.add("gusto"));
		tenant.ifs().ifPresent((ifs) -> systems.add("ifs"));
		tenant.visma().ifPresent((visma) -> systems.add("visma"));
		tenant.slack().ifPresent((slack) -> systems.add("slack"));
		return systems;
	}

}
