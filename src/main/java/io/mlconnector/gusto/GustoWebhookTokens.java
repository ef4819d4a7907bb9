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

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.secrets.Secret;
import io.mlconnector.secrets.TokenCipher;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhook subscription handshake [SPEC put-v1-verify-webhook-subscription-uuid]: a
 * token POSTed (unsigned) to {@code /webhooks/gusto} is offered to Gusto with {@code PUT
 * /v1/webhook_subscriptions/{uuid}/verify} for each pending subscription of each
 * configured Gusto application; only a token Gusto accepts is stored (encrypted, in
 * {@code gusto_webhook_token}) and used to check signatures.
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

	private volatile Cached cached;

	GustoWebhookTokens(JdbcClient jdbc, ObjectProvider<TokenCipher> cipher, Tenants tenants, GustoClient client,
			AuditTrail audit, Clock clock, GustoProperties properties) {
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
		return Flux.fromIterable(applications())
			.concatMap((tenant) -> this.client.webhookSubscriptions(tenant.id())
				.filter((s) -> "pending".equals(s.status()))
				// this service's own subscription first: the POST came to its URL
				.sort(java.util.Comparator.comparing((GustoWebhookSubscription s) -> !ours(s)))
				.concatMap((subscription) -> this.client
					.verifySubscription(tenant.id(), subscription.uuid(), verificationToken)
					.onErrorResume(GustoApiException.class, (ex) -> Mono.empty()))
				.onErrorResume((ex) -> {
					logger.warn("Could not offer the webhook verification token to Gusto for tenant {}: {}",
							tenant.id(), ex.getMessage());
					return Mono.empty();
				}))
			.next()
			.switchIfEmpty(Mono
				.error(() -> new IllegalStateException("no pending Gusto webhook subscription accepted the token")))
			.timeout(HANDSHAKE_TIMEOUT)
			.flatMap((verified) -> Mono.fromRunnable(() -> store(verified, verificationToken))
				.subscribeOn(Schedulers.boundedElastic()))
			.then();
	}

	@Override
	public List<Secret> verificationTokens() {
		Cached current = this.cached;
		Instant now = this.clock.instant();
		if (current == null || now.isAfter(current.until())) {
			current = new Cached(load(), now.plus(CACHE));
			this.cached = current;
		}
		return current.tokens();
	}

	private boolean ours(GustoWebhookSubscription subscription) {
		return this.properties.webhookUrl() != null
				&& this.properties.webhookUrl().toString().equals(subscription.url());
	}

	private void store(GustoWebhookSubscription subscription, Secret token) {
		TokenCipher tokens = this.cipher.getObject();
		this.jdbc
			.sql("INSERT INTO gusto_webhook_token (subscription_uuid, token_enc, key_id, verified_at) "
					+ "VALUES (?, ?, ?, ?)")
			.params(subscription.uuid(), tokens.encrypt(token, AAD), tokens.currentKeyId(),
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		this.cached = null;
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("subscription_uuid", subscription.uuid());
		detail.put("url", String.valueOf(subscription.url()));
		this.audit.record(null, "gusto-webhook", "gusto.webhook.verify", "gusto-subscription:" + subscription.uuid(),
				AuditOutcome.SUCCESS, detail);
		logger.info("Gusto webhook subscription {} is verified; its token is stored", subscription.uuid());
	}

	private List<Secret> load() {
		List<Secret> tokens = new ArrayList<>();
		List<String[]> rows = this.jdbc
			.sql("SELECT key_id, token_enc FROM gusto_webhook_token ORDER BY verified_at DESC, id DESC LIMIT 10")
			.query((rs, n) -> new String[] { rs.getString("key_id"), rs.getString("token_enc") })
			.list();
		for (String[] row : rows) {
			try {
				tokens.add(this.cipher.getObject().decrypt(row[0], row[1], AAD));
			}
			catch (RuntimeException ex) {
				logger.warn("A stored Gusto webhook verification token cannot be decrypted: {}", ex.getMessage());
			}
		}
		return List.copyOf(tokens);
	}

	/**
	 * One tenant per Gusto application (base URL and client id): they share webhook
	 * subscriptions.
	 */
	private List<Tenant> applications() {
		Map<String, Tenant> byApplication = new LinkedHashMap<>();
		for (Tenant tenant : this.tenants.all()) {
			tenant.gusto()
				.ifPresent((gusto) -> byApplication.putIfAbsent(gusto.baseUrl() + "|" + gusto.clientId(), tenant));
		}
		return List.copyOf(byApplication.values());
	}

	private record Cached(List<Secret> tokens, Instant until) {

	}

}
