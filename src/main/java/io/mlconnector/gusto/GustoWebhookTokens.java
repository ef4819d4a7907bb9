package io.mlconnector.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.outbound.BudgetExhaustedException;
import io.mlconnector.secrets.Secret;
import io.mlconnector.secrets.TokenCipher;
import io.mlconnector.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The webhook subscription handshake [SPEC put-v1-verify-webhook-subscription-uuid]: a
 * token POSTed (unsigned) to {@code /webhooks/gusto} is offered to Gusto with {@code PUT
 * /v1/webhook_subscriptions/{uuid}/verify}, but only while this service expects a
 * handshake (its subscription command created a subscription that is still pending, see
 * {@link WebhookHandshakes}), one handshake at a time, with permits taken only if free
 * now; only a token Gusto accepts is stored (encrypted, in {@code gusto_webhook_token})
 * and used to check signatures.
 */
class GustoWebhookTokens implements GustoWebhookVerification {

	private static final Logger logger = LoggerFactory.getLogger(GustoWebhookTokens.class);

	private static final Duration CACHE = Duration.ofSeconds(5);

	/**
	 * Gusto waits for the answer to its POST: a handshake that cannot reach Gusto fails
	 * fast (Gusto can resend the token with request_verification_token).
	 */
	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

	private static final String AAD = "gusto_webhook_token";

	private final JdbcClient jdbc;

	private final ObjectProvider<TokenCipher> cipher;

	private final Tenants tenants;

	private final GustoClient client;

	private final AuditTrail audit;

	private final Clock clock;

	private final GustoProperties properties;

	private final WebhookHandshakes handshakes;

	private final AtomicBoolean handshakeRunning = new AtomicBoolean();

	private final AtomicBoolean refreshing = new AtomicBoolean();

	/**
	 * Counts the changes to the stored tokens: a load that began before a change does not
	 * replace the cache the change emptied.
	 */
	private final AtomicLong changes = new AtomicLong();

	private volatile Cached cached;

	GustoWebhookTokens(JdbcClient jdbc, ObjectProvider<TokenCipher> cipher, Tenants tenants, GustoClient client,
			AuditTrail audit, Clock clock, GustoProperties properties, WebhookHandshakes handshakes) {
		this.handshakes = handshakes;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.tenants = tenants;
		this.client = client;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public Mono<Void> accept(Secret verificationToken) {
		return Mono.defer(() -> {
			// one at a time: a flood of handshake POSTs cannot fan out into Gusto calls
			if (!this.handshakeRunning.compareAndSet(false, true)) {
				return Mono.error(new WebhookHandshakeRefusedException("handshake_in_progress",
						"another webhook handshake is being verified with Gusto; try again shortly", true));
			}
			return Mono.fromCallable(this.handshakes::expected)
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((expected) -> {
					if (expected.isEmpty()) {
						return Mono.error(new WebhookHandshakeRefusedException("no_handshake_expected",
								"this service has no webhook subscription of its own waiting for its verification "
										+ "token; run PUT /api/v1/gusto/webhook-subscription first",
								false));
					}
					return Flux.fromIterable(expected)
						.concatMap((handshake) -> verify(handshake, verificationToken))
						.next()
						.switchIfEmpty(
								Mono.error(() -> new WebhookHandshakeRefusedException("verification_token_refused",
										"Gusto did not confirm the verification token for the pending subscription",
										false)));
				})
				.timeout(HANDSHAKE_TIMEOUT)
				.flatMap((verified) -> Mono.fromRunnable(() -> confirm(verified))
					.subscribeOn(Schedulers.boundedElastic()))
				// released before the answer goes out: the sender may try again at once
				.doOnTerminate(() -> this.handshakeRunning.set(false))
				.doOnCancel(() -> this.handshakeRunning.set(false))
				.then();
		});
	}

	/**
	 * Offers the token for one expected handshake: to its subscription once it is known,
	 * else to the application's pending subscription for the expected URL. Permits are
	 * taken only if free now; nothing is retried.
	 */
	private Mono<Verified> verify(WebhookHandshakes.Expected handshake, Secret token) {
		Mono<String> subscription = (handshake.subscriptionUuid() != null) ? Mono.just(handshake.subscriptionUuid())
				: this.client.webhookSubscriptionsForHandshake(handshake.tenant())
					.filter((s) -> "pending".equals(s.status()) && handshake.url().equals(s.url()))
					.map(GustoWebhookSubscription::uuid)
					.next();
		// stored before Gusto is asked (Gusto may deliver the first signed event before
		// its answer reaches us) and removed again if Gusto refuses
		return subscription
			.flatMap((uuid) -> Mono.fromCallable(() -> storeUnconfirmed(handshake, uuid, token))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((row) -> this.client.verifySubscriptionForHandshake(handshake.tenant(), uuid, token)
					// our own subscription's URL only, never another (staging) one
					.filter((verified) -> handshake.url().equals(verified.url()))
					.map((verified) -> new Verified(handshake, verified, row))
					.switchIfEmpty(Mono.defer(() -> forget(row).then(Mono.empty())))
					.onErrorResume((ex) -> forget(row).then(Mono.error(ex)))))
			.onErrorResume(GustoApiException.class, (ex) -> Mono.empty())
			.onErrorResume(BudgetExhaustedException.class,
					(ex) -> Mono.error(new WebhookHandshakeRefusedException("handshake_in_progress",
							"the Gusto request budget has no permit free now; try again shortly", true)))
			.onErrorResume((ex) -> !(ex instanceof WebhookHandshakeRefusedException), (ex) -> {
				logger.warn("Could not offer the webhook verification token to Gusto for tenant {}: {}",
						handshake.tenant(), ex.getMessage());
				return Mono.empty();
			});
	}

	@Override
	public Mono<List<GustoWebhookToken>> verificationTokens() {
		Cached current = this.cached;
		if (current == null) {
			// nothing loaded yet (start-up, or a token was just stored): wait for it
			return refresh();
		}
		if (!this.clock.instant().isBefore(current.until()) && this.refreshing.compareAndSet(false, true)) {
			// stale: serve the last list, reload in the background (one at a time)
			refresh().doFinally((signal) -> this.refreshing.set(false)).subscribe((tokens) -> {
			}, (ex) -> {
			});
		}
		return Mono.just(current.tokens());
	}

	/**
	 * Loads the tokens on a JDBC-safe scheduler; when the database cannot be read, keeps
	 * the last good list (for another cache period) instead of refusing every delivery.
	 */
	private Mono<List<GustoWebhookToken>> refresh() {
		return Mono.defer(() -> {
			long seen = this.changes.get();
			return Mono.fromCallable(this::load).subscribeOn(Schedulers.boundedElastic()).doOnNext((tokens) -> {
				if (this.changes.get() == seen) {
					this.cached = new Cached(tokens, this.clock.instant().plus(CACHE));
				}
			});
		}).onErrorResume((ex) -> {
			Cached last = this.cached;
			logger.warn("Could not load the Gusto webhook verification tokens ({}); {}", ex.getMessage(),
					(last != null) ? "the last list loaded stays in use" : "none are known yet");
			if (last == null) {
				return Mono.just(List.of());
			}
			this.cached = new Cached(last.tokens(), this.clock.instant().plus(CACHE));
			return Mono.just(last.tokens());
		});
	}

	/**
	 * Stores a token offered for a subscription before Gusto confirmed it. Until it is
	 * confirmed it retires by itself shortly after the handshake's timeout, so a crash
	 * mid-handshake leaves nothing usable behind.
	 * @return the row's id
	 */
	private long storeUnconfirmed(WebhookHandshakes.Expected handshake, String subscriptionUuid, Secret token) {
		TokenCipher tokens = this.cipher.getObject();
		Instant now = this.clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO gusto_webhook_token (subscription_uuid, application, url, token_enc, key_id, "
					+ "verified_at, retire_after) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(subscriptionUuid, handshake.application(), handshake.url(),
					tokens.encrypt(token, associatedData(subscriptionUuid, handshake.application(), handshake.url())),
					tokens.currentKeyId(), utc(now), utc(now.plus(HANDSHAKE_TIMEOUT).plusSeconds(2)))
			.update(keys);
		invalidate();
		return keys.getKey().longValue();
	}

	private void invalidate() {
		this.changes.incrementAndGet();
		this.cached = null;
	}

	private Mono<Void> forget(long row) {
		return Mono.fromRunnable(() -> {
			this.jdbc.sql("DELETE FROM gusto_webhook_token WHERE id = ?").param(row).update();
			invalidate();
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	/**
	 * Gusto confirmed the token: it stays, and the tokens it replaces verify deliveries
	 * for the grace period only.
	 */
	private void confirm(Verified verified) {
		GustoWebhookSubscription subscription = verified.subscription();
		WebhookHandshakes.Expected handshake = verified.handshake();
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE gusto_webhook_token SET retire_after = NULL, verified_at = ? WHERE id = ?")
			.params(utc(now), verified.row())
			.update();
		this.jdbc
			.sql("UPDATE gusto_webhook_token SET retire_after = ? WHERE application = ? AND url = ? AND id <> ? "
					+ "AND (retire_after IS NULL OR retire_after > ?)")
			.params(utc(now.plus(this.properties.webhookTokenGrace())), handshake.application(), handshake.url(),
					verified.row(), utc(now.plus(this.properties.webhookTokenGrace())))
			.update();
		this.handshakes.completed(handshake.id());
		invalidate();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("subscription_uuid", subscription.uuid());
		detail.put("url", String.valueOf(subscription.url()));
		this.audit.record(handshake.tenant(), "gusto-webhook", "gusto.webhook.verify",
				"gusto-subscription:" + subscription.uuid(), AuditOutcome.SUCCESS, detail);
		logger.info("Gusto webhook subscription {} is verified; its token is stored", subscription.uuid());
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * The associated data of a stored token: binds the ciphertext to its row's
	 * subscription, application and URL, so a ciphertext copied into another row does not
	 * decrypt.
	 */
	static String associatedData(String subscriptionUuid, String application, String url) {
		return AAD + "/" + subscriptionUuid + "/" + application + "/" + url;
	}

	private List<GustoWebhookToken> load() {
		List<GustoWebhookToken> tokens = new ArrayList<>();
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<String[]> rows = this.jdbc
			.sql("SELECT subscription_uuid, application, url, key_id, token_enc FROM gusto_webhook_token "
					+ "WHERE application IS NOT NULL AND (retire_after IS NULL OR retire_after > ?) "
					+ "ORDER BY verified_at DESC, id DESC LIMIT 10")
			.param(now)
			.query((rs,
					n) -> new String[] { rs.getString("subscription_uuid"), rs.getString("application"),
							rs.getString("url"), rs.getString("key_id"), rs.getString("token_enc") })
			.list();
		String ours = (this.properties.webhookUrl() != null) ? this.properties.webhookUrl().toString() : null;
		for (String[] row : rows) {
			if (ours != null && !ours.equals(row[2])) {
				continue;
			}
			try {
				Secret token = this.cipher.getObject().decrypt(row[3], row[4], associatedData(row[0], row[1], row[2]));
				tokens.add(new GustoWebhookToken(token, row[1], row[0]));
			}
			catch (RuntimeException ex) {
				logger.warn("The stored Gusto webhook verification token of subscription {} cannot be decrypted: {}",
						row[0], ex.getMessage());
			}
		}
		return List.copyOf(tokens);
	}

	private record Verified(WebhookHandshakes.Expected handshake, GustoWebhookSubscription subscription, long row) {

	}

	private record Cached(List<GustoWebhookToken> tokens, Instant until) {

	}

}
