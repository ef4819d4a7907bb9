package io.mlconnector.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * Checks a tenant's Gusto connection: a usable grant (not "reconnect required"), then
 * {@code GET /v1/token_info} for the tenant's company.
 */
class GustoConnectionCheck implements ConnectionCheck {

	private final GustoClient client;

	private final Clock clock;

	GustoConnectionCheck(GustoClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	@Override
	public String system() {
		return "gusto";
	}

	@Override
	public boolean appliesTo(Tenant tenant) {
		return tenant.gusto().isPresent();
	}

	@Override
	public Mono<Result> check(Tenant tenant) {
		Instant start = this.clock.instant();
		String expected = tenant.gusto().orElseThrow().companyUuid();
		return this.client.tokenInfo(tenant.id())
			.map((info) -> expected.equals(info.companyUuid())
					? new Result(system(), true, since(start), "token_info: company " + expected)
					: new Result(system(), false, since(start),
							"the Gusto grant is for company " + info.companyUuid() + ", not " + expected
									+ "; reconnect Gusto for tenant " + tenant.id() + " at /connect/gusto?tenant="
									+ tenant.id()))
			.onErrorResume((ex) -> Mono.just(new Result(system(), false, since(start), ex.getMessage())));
	}

	private Duration since(Instant start) {
		return Duration.between(start, this.clock.instant());
	}

}
