package io.mlconnector.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * Checks a tenant's Slack connection with {@code auth.test}: the bot token works and
 * belongs to the configured workspace.
 */
class SlackConnectionCheck implements ConnectionCheck {

	private final SlackClients clients;

	private final Clock clock;

	SlackConnectionCheck(SlackClients clients, Clock clock) {
		this.clients = clients;
		this.clock = clock;
	}

	@Override
	public String system() {
		return "slack";
	}

	@Override
	public boolean appliesTo(Tenant tenant) {
		return tenant.slack().isPresent();
	}

	@Override
	public Mono<Result> check(Tenant tenant) {
		Instant start = this.clock.instant();
		String expected = tenant.slack().orElseThrow().teamId();
		return Mono.defer(() -> this.clients.forTenant(tenant.id()).authTest())
			.map((identity) -> expected.equals(identity.teamId())
					? new Result(system(), true, since(start),
							"auth.test: bot " + identity.userId() + " in workspace " + identity.teamId() + " ("
									+ identity.team() + ")")
					: new Result(system(), false, since(start),
							"the bot token belongs to workspace " + identity.teamId() + ", not " + expected
									+ "; set the bot token of the app installed in " + expected + " as mlc.tenants."
									+ tenant.id() + ".slack.bot-token, or correct team-id"))
			.onErrorResume((ex) -> Mono.just(new Result(system(), false, since(start), ex.getMessage())));
	}

	private Duration since(Instant start) {
		return Duration.between(start, this.clock.instant());
	}

}
