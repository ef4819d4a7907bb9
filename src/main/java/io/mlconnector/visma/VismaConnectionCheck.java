package io.mlconnector.visma;

import java.time.Duration;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * The Visma connection check: a token from Visma Connect for the company, then one read
 * ({@code GET /v1/department}, which every employee needs).
 */
class VismaConnectionCheck implements ConnectionCheck {

	private final VismaClients clients;

	VismaConnectionCheck(VismaClients clients) {
		this.clients = clients;
	}

	@Override
	public String system() {
		return "visma";
	}

	@Override
	public boolean appliesTo(Tenant tenant) {
		return tenant.visma().isPresent();
	}

	@Override
	public Mono<Result> check(Tenant tenant) {
		long started = System.nanoTime();
		String company = tenant.visma().orElseThrow().tenantId();
		return Mono.defer(() -> this.clients.forTenant(tenant).departments().count())
			.map((departments) -> new Result(system(), true, elapsed(started),
					"token issued for company tenant " + company + "; read /v1/department (" + departments
							+ " departments)"))
			.onErrorResume((ex) -> Mono.just(new Result(system(), false, elapsed(started), ex.getMessage())));
	}

	private static Duration elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

}
