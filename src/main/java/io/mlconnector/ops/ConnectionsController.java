package io.mlconnector.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mlconnector.tenant.ConnectionCheck;
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

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Tenants tenants;

	private final List<ConnectionCheck> checks;

	ConnectionsController(Tenants tenants, List<ConnectionCheck> checks) {
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
			.flatMap((system) -> this.checks.stream()
				.filter((check) -> check.system().equals(system) && check.appliesTo(tenant))
				.findFirst()
				.map((check) -> check.check(tenant)
					.timeout(TIMEOUT)
					.map((result) -> new Connection(system, result.ok() ? "UP" : "DOWN", result.latency().toMillis(),
							result.detail()))
					.onErrorResume((ex) -> Mono.just(new Connection(system, "DOWN", TIMEOUT.toMillis(),
							"the check did not finish: " + ex.getMessage()))))
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
