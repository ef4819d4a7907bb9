package io.mlconnector.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.secrets.GrantStatus;
import io.mlconnector.secrets.OAuthGrant;
import io.mlconnector.secrets.OAuthTokenStore;
import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.GustoConnection;
import io.mlconnector.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Company access tokens per tenant, refreshed proactively at {@code expires_in - 60 s}
 * [DOC authentication] and after a 401.
 * <p>
 * Gusto's refresh tokens are single-use and rotate: "the previous refresh_token will be
 * revoked on the first usage of the new access_token" [DOC refresh-access-token]. So
 * exactly one refresh per grant may be in flight: within this instance callers share one
 * refresh; across instances the refresher claims the {@code oauth_token} row (version
 * plus a lapsing claim) and everybody else waits for the version to move. The new pair is
 * committed before the new access token is used; if the commit fails (the claim lapsed),
 * the pair is dropped unused, so the old refresh token, still stored and still valid at
 * Gusto, lets the next claimer recover. A refused refresh token turns the grant into
 * RECONNECT_REQUIRED, audited and reported, never retried.
 */
class GustoTokens {

	static final String PROVIDER = "GUSTO";

	private static final Logger logger = LoggerFactory.getLogger(GustoTokens.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private final OAuthTokenStore store;

	private final GustoOAuth oauth;

	private final Tenants tenants;

	private final AuditTrail audit;

	private final Clock clock;

	private final GustoProperties properties;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong attempts = new AtomicLong();

	private final Map<String, Mono<OAuthGrant>> inFlight = new ConcurrentHashMap<>();

	GustoTokens(OAuthTokenStore store, GustoOAuth oauth, Tenants tenants, AuditTrail audit, Clock clock,
			GustoProperties properties) {
		this.store = store;
		this.oauth = oauth;
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * A usable access token, refreshed first if it expires within the leeway.
	 * @param tenant the tenant
	 * @return the token; errors with {@link GustoNotConnectedException} if there is no
	 * usable grant
	 */
	Mono<Secret> accessToken(String tenant) {
		return read(tenant).flatMap((grant) -> {
			if (grant.freshAt(this.clock.instant(), this.properties.refreshLeeway().toSeconds())) {
				return Mono.just(grant.accessToken());
			}
			return refresh(tenant, grant.version()).map(OAuthGrant::accessToken);
		});
	}

	/**
	 * After Gusto answered 401 to {@code rejected}: a newer token if someone refreshed
	 * meanwhile, otherwise one refresh.
	 * @param tenant the tenant
	 * @param rejected the token Gusto refused
	 * @return a different token
	 */
	Mono<Secret> afterRejection(String tenant, Secret rejected) {
		return read(tenant).flatMap((grant) -> {
			if (!rejected.matches(grant.accessToken().value())) {
				return Mono.just(grant.accessToken());
			}
			return refresh(tenant, grant.version()).map(OAuthGrant::accessToken);
		});
	}

	/**
	 * The grant as stored, for health and the operator.
	 * @param tenant the tenant
	 * @return the grant, empty if never connected
	 */
	Mono<OAuthGrant> grant(String tenant) {
		return Mono.fromCallable(() -> this.store.find(tenant, PROVIDER))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty);
	}

	private Mono<OAuthGrant> read(String tenant) {
		return grant(tenant).switchIfEmpty(Mono.error(() -> GustoNotConnectedException.neverConnected(tenant)))
			.map((grant) -> requireActive(tenant, grant));
	}

	private static OAuthGrant requireActive(String tenant, OAuthGrant grant) {
		if (grant.status() != GrantStatus.ACTIVE) {
			throw GustoNotConnectedException.reconnect(tenant, grant.statusReason());
		}
		return grant;
	}

	/**
	 * One refresh per tenant in this instance: every caller that saw an expired token at
	 * the same time subscribes to the same attempt.
	 */
	private Mono<OAuthGrant> refresh(String tenant, long seenVersion) {
		Mono<OAuthGrant>[] holder = new Mono[1];
		Mono<OAuthGrant> shared = this.inFlight.computeIfAbsent(tenant, (key) -> {
			Instant deadline = this.clock.instant().plus(this.properties.refreshWait());
			holder[0] = Mono.defer(() -> attempt(tenant, seenVersion, deadline))
				.doFinally((signal) -> this.inFlight.remove(key, holder[0]))
				.cache();
			return holder[0];
		});
		return shared
			.flatMap((grant) -> (grant.version() > seenVersion) ? Mono.just(grant) : refreshAgain(tenant, seenVersion));
	}

	private Mono<OAuthGrant> refreshAgain(String tenant, long seenVersion) {
		// the shared attempt finished on an older version than ours: one more round
		return Mono.defer(() -> attempt(tenant, seenVersion, this.clock.instant().plus(this.properties.refreshWait())));
	}

	/**
	 * Across instances: claim the row, or wait until whoever holds it has stored a newer
	 * pair (or the claim lapsed, then claim it ourselves).
	 */
	private Mono<OAuthGrant> attempt(String tenant, long seenVersion, Instant deadline) {
		return grant(tenant).switchIfEmpty(Mono.error(() -> GustoNotConnectedException.neverConnected(tenant)))
			.flatMap((grant) -> {
				requireActive(tenant, grant);
				Instant now = this.clock.instant();
				if (grant.version() > seenVersion && grant.freshAt(now, this.properties.refreshLeeway().toSeconds())) {
					return Mono.just(grant);
				}
				if (now.isAfter(deadline)) {
					return Mono.error(new IllegalStateException(
							"the Gusto token of tenant " + tenant + " is being refreshed by " + grant.refreshOwner()
									+ " and did not change within " + this.properties.refreshWait() + "; try again"));
				}
				String owner = this.instance + "#" + this.attempts.incrementAndGet();
				return Mono
					.fromCallable(() -> this.store.claimRefresh(tenant, PROVIDER, grant.version(), owner,
							now.plus(this.properties.refreshClaim())))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((claimed) -> claimed ? exchange(tenant, grant, owner)
							: Mono.delay(POLL).then(Mono.defer(() -> attempt(tenant, seenVersion, deadline))));
			});
	}

	private Mono<OAuthGrant> exchange(String tenant, OAuthGrant grant, String owner) {
		GustoConnection connection = connection(tenant);
		if (grant.refreshToken() == null) {
			return reconnect(tenant, grant, "no refresh token is stored");
		}
		logger.info("Refreshing the Gusto token of tenant {} (grant version {})", tenant, grant.version());
		return renewingClaim(tenant, grant, owner, this.oauth.refresh(tenant, connection, grant.refreshToken()))
			.flatMap((issued) -> Mono.fromCallable(() -> {
				// committed before first use: a pair that cannot be stored is never used
				if (!this.store.completeRefresh(tenant, PROVIDER, grant.version(), owner, issued)) {
					logger.warn("The refresh claim of tenant {} lapsed before the new Gusto tokens were stored; "
							+ "they are dropped unused and the old refresh token stays valid", tenant);
					return null;
				}
				return this.store.find(tenant, PROVIDER).orElseThrow();
			}).subscribeOn(Schedulers.boundedElastic()))
			.switchIfEmpty(Mono.defer(
					() -> attempt(tenant, grant.version(), this.clock.instant().plus(this.properties.refreshWait()))))
			.onErrorResume(GustoOAuth.RefreshRejectedException.class, (ex) -> reconnect(tenant, grant, ex.getMessage()))
			.doOnError(GustoOAuth.ClientRefusedException.class,
					(ex) -> logger.error("Refreshing the Gusto token of tenant {} failed: {}", tenant, ex.getMessage()))
			.onErrorResume((ex) -> !(ex instanceof GustoNotConnectedException),
					(ex) -> Mono.fromRunnable(() -> this.store.releaseClaim(tenant, PROVIDER, owner))
						.subscribeOn(Schedulers.boundedElastic())
						.then(Mono.error(ex)));
	}

	/**
	 * Keeps the refresh claim alive while the token request (with its retries, which may
	 * take longer than one claim period) runs: renewed every third of
	 * {@code mlc.gusto.refresh-claim}, so no other instance takes over and spends the
	 * single-use refresh token a second time; a crashed refresher still blocks the grant
	 * at most one claim period.
	 */
	private <T> Mono<T> renewingClaim(String tenant, OAuthGrant grant, String owner, Mono<T> refresh) {
		Duration claim = this.properties.refreshClaim();
		return Mono.defer(() -> {
			Disposable renewal = Flux.interval(claim.dividedBy(3))
				.concatMap((tick) -> Mono
					.fromCallable(() -> this.store.renewClaim(tenant, PROVIDER, grant.version(), owner,
							this.clock.instant().plus(claim)))
					.subscribeOn(Schedulers.boundedElastic()))
				.subscribe((held) -> {
					if (!held) {
						logger.warn("The refresh claim of tenant {} could not be renewed", tenant);
					}
				}, (ex) -> logger.warn("Renewing the refresh claim of tenant {} failed: {}", tenant, ex.getMessage()));
			return refresh.doFinally((signal) -> renewal.dispose());
		});
	}

	private Mono<OAuthGrant> reconnect(String tenant, OAuthGrant grant, String reason) {
		return Mono.fromCallable(() -> {
			String why = reason + " on " + this.clock.instant();
			if (this.store.requireReconnect(tenant, PROVIDER, grant.version(), why)) {
				logger.error("Gusto refused the refresh token of tenant {}: reconnect Gusto for tenant {} ({})", tenant,
						tenant, reason);
				this.audit.record(tenant, "gusto-connector", "gusto.token.refresh", "tenant:" + tenant + ":gusto",
						AuditOutcome.FAILURE,
						Map.of("reason", reason, "status", GrantStatus.RECONNECT_REQUIRED.name(), "action",
								"reconnect Gusto for tenant " + tenant + " at /connect/gusto?tenant=" + tenant));
			}
			return this.store.find(tenant, PROVIDER).orElseThrow();
		})
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((current) -> (current.status() == GrantStatus.ACTIVE && current.version() > grant.version())
					? Mono.just(current) : Mono.error(GustoNotConnectedException.reconnect(tenant,
							(current.statusReason() != null) ? current.statusReason() : reason)));
	}

	GustoConnection connection(String tenant) {
		return this.tenants.require(tenant)
			.gusto()
			.orElseThrow(() -> new IllegalArgumentException("tenant " + tenant + " has no Gusto connection configured "
					+ "(mlc.tenants." + tenant + ".gusto)"));
	}

}
