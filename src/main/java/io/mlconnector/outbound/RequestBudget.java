package io.mlconnector.outbound;

import reactor.core.publisher.Mono;

/**
 * Permits to send requests to an external system, shared by every instance of the service
 * through MariaDB, so that ml-connector itself never causes a 429: one budget per OAuth
 * grant (Gusto), per tenant (IFS, Visma) or per method and channel (Slack).
 */
public interface RequestBudget {

	/**
	 * Takes one permit from the named budget, waiting (without blocking a thread) until
	 * one is available, but never reserving further ahead than
	 * {@code mlc.outbound.max-reservation}: a caller that would wait longer gets a
	 * {@link BudgetExhaustedException} and nothing is reserved.
	 * @param budget the budget's name, for example {@code gusto:acme}; at most 120
	 * characters
	 * @param limit the limit the budget enforces; a budget keeps the limit it was first
	 * used with until it is reconfigured with a different one
	 * @return completes when the request may be sent
	 */
	Mono<Void> acquire(String budget, RateLimit limit);

	/**
	 * Takes one permit only if one is available now: for requests that an outsider can
	 * trigger (the webhook handshake), which must fail fast rather than reserve.
	 * @param budget the budget's name
	 * @param limit the limit the budget enforces
	 * @return completes at once with a permit, or errors with
	 * {@link BudgetExhaustedException} and nothing reserved
	 */
	Mono<Void> acquireNow(String budget, RateLimit limit);

}
