package io.mlconnector.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * Runs the connectors' connection checks with a timeout, live for the operator API and
 * cached for the health endpoint (probed often, and never a reason to hammer Gusto or
 * IFS).
 */
class ConnectionChecks {

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final List<ConnectionCheck> checks;

	private final Duration cacheFor;

	private final Map<String, Mono<ConnectionCheck.Result>> cached = new ConcurrentHashMap<>();

	ConnectionChecks(List<ConnectionCheck> checks, Duration cacheFor) {
		this.checks = List.copyOf(checks);
		this.cacheFor = cacheFor;
	}

	Optional<ConnectionCheck> find(Tenant tenant, String system) {
		return this.checks.stream()
			.filter((check) -> check.system().equals(system) && check.appliesTo(tenant))
			.findFirst();
	}

	List<ConnectionCheck> applicable(Tenant tenant) {
		return this.checks.stream().filter((check) -> check.appliesTo(tenant)).toList();
	}

	Mono<ConnectionCheck.Result> live(Tenant tenant, ConnectionCheck check) {
		return check.check(tenant)
			.timeout(TIMEOUT)
			.onErrorResume((ex) -> Mono.just(new ConnectionCheck.Result(check.system(), false, TIMEOUT,
					"the check did not finish: " + ex.getMessage())));
	}

	Mono<ConnectionCheck.Result> cached(Tenant tenant, ConnectionCheck check) {
		return this.cached.computeIfAbsent(tenant.id() + "/" + check.system(),
				(key) -> live(tenant, check).cache(this.cacheFor));
	}

}
