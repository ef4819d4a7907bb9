package io.mlconnector.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariDataSource;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.secrets.Secret;
import io.mlconnector.secrets.TokenCipher;
import io.mlconnector.tenant.Tenants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class GustoWebhookIntegrationTests extends GustoSandboxTestSupport {

	@Autowired
	private GustoWebhookVerification verification;

	@Autowired
	private WebhookHandshakes handshakes;

	@Autowired
	private ObjectProvider<TokenCipher> cipher;

	static final String APPLICATION = "http://localhost:" + PORT + "/sandbox/gusto|sandbox-gusto-client";

	@Test
	void theSubscriptionCommandAndHandshakeVerifyTheTokenAndSignedDeliveriesReachTheInbox() {
		// the database is shared with the other test classes of this run
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		this.jdbc.sql("DELETE FROM oauth_token").update();
		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
		this.jdbc.sql("DELETE FROM inbox_event").update();

		// a forged handshake (a token Gusto never issued) is refused and nothing is
		// stored: before the subscription command no handshake is expected at all
		String forged = postWebhook("{\"verification_token\":\"forged-token\"}", null);
		assertThat(forged).contains("no_handshake_expected");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single()).isZero();

		// the operator command creates the subscription; Gusto posts the token; we verify
		// it
		JsonNode subscription = this.http.put()
			.uri(BASE + "/api/v1/gusto/webhook-subscription")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subscription_types", java.util.List.of("Payroll", "Employee", "Company")))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		assertThat(subscription.path("url").asString()).isEqualTo(BASE + "/webhooks/gusto");
		await(() -> this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single() == 1);
		assertThat(this.verification.verificationTokens().block(Duration.ofSeconds(10))).singleElement()
			.satisfies((token) -> {
				assertThat(token.token().value()).isEqualTo("test-verification-token");
				assertThat(token.application()).isEqualTo(APPLICATION);
			});
		// the token is stored before Gusto is asked to verify it, so the verification may
		// still be on its way
		await(() -> "verified".equals(this.client.webhookSubscriptions(TENANT)
			.filter((s) -> s.url().equals(BASE + "/webhooks/gusto"))
			.map((s) -> s.status())
			.blockFirst()));
		assertThat(this.client.webhookSubscriptions(TENANT)
			.filter((s) -> s.url().equals(BASE + "/webhooks/gusto"))
			.collectList()
			.block()).singleElement().satisfies((s) -> assertThat(s.status()).isEqualTo("verified"));
		assertThat(this.jdbc.sql("SELECT token_enc FROM gusto_webhook_token").query(String.class).single())
			.doesNotContain("test-verification-token");

		// a processed payroll is delivered signed, twice (duplicate delivery), stored
		// once
		admin("POST", "/_admin/webhooks", Map.of("duplicate", true));
		String payroll = admin("POST", "/_admin/payrolls/process", Map.of()).path("payroll_uuid").asString();
		await(() -> this.jdbc
			.sql("SELECT COUNT(*) FROM inbox_event WHERE event_type = 'payroll.processed' AND entity_id = ?")
			.param(payroll)
			.query(Long.class)
			.single() == 1 && stat("webhook_deliveries") >= 4);
		assertThat(
				this.jdbc.sql("SELECT tenant FROM inbox_event WHERE entity_id = ? AND event_type = 'payroll.processed'")
					.param(payroll)
					.query(String.class)
					.single())
			.isEqualTo(TENANT);
		assertThat(stat("failed_webhook_deliveries")).isZero();

		// an employee change is delivered too; a tampered body is refused
		String employee = admin("POST", "/_admin/employees", Map.of("first_name", "Webhook", "last_name", "Test"))
			.path("uuid")
			.asString();
		await(() -> this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE entity_id = ?")
			.param(employee)
			.query(Long.class)
			.single() == 1);
		String body = "{\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"event_type\":\"employee.updated\","
				+ "\"resource_type\":\"Company\",\"resource_uuid\":\"" + COMPANY + "\",\"entity_type\":\"Employee\","
				+ "\"entity_uuid\":\"" + employee + "\",\"timestamp\":1767644464}";
		String signature = GustoWebhookSignature.sign(body.getBytes(), new Secret("test-verification-token"));
		assertThat(postWebhook(body.replace("employee.updated", "employee.deleted"), signature))
			.contains("signature_mismatch");
		assertThat(postWebhook(body, signature)).contains("stored");
	}

	@Test
	void whenTheTokensCannotBeReloadedTheLastListLoadedStaysInUse(@Autowired DataSourceProperties database,
			@Autowired ObjectProvider<TokenCipher> cipher, @Autowired Tenants tenants, @Autowired AuditTrail audit,
			@Autowired GustoProperties properties) {
		// given a stored token, loaded once through a database connection pool of its own
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		storeToken("s-1", APPLICATION, "kept-token", null);
		AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
		Clock clock = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		GustoWebhookTokens tokens = new GustoWebhookTokens(JdbcClient.create(pool), cipher, tenants, this.client, audit,
				clock, properties, this.handshakes);
		assertThat(tokens.verificationTokens().block(Duration.ofSeconds(10))).extracting((t) -> t.token().value())
			.containsExactly("kept-token");

		// when the database cannot be reached and the cache is stale
		pool.close();
		now.set(now.get().plusSeconds(60));

		// then the last list is served (now, and after the failed reload)
		assertThat(tokens.verificationTokens().block(Duration.ofSeconds(10))).extracting((t) -> t.token().value())
			.containsExactly("kept-token");
		org.awaitility.Awaitility.await()
			.during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> tokens.verificationTokens().block(Duration.ofSeconds(10)).size() == 1);
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
	}

	@Test
	void aStoredTokenVerifiesOnlyDeliveriesForItsOwnApplicationsCompaniesAndNotAfterItWasRetired() {
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		this.jdbc.sql("DELETE FROM inbox_event").update();
		// a token of another Gusto application (a staging app) for the demo company
		storeToken("s-staging", "https://api.gusto-demo.com|staging-client", "staging-token", null);
		// a token stored before tokens were scoped
		this.jdbc
			.sql("INSERT INTO gusto_webhook_token (subscription_uuid, token_enc, key_id, verified_at) "
					+ "VALUES ('s-legacy', ?, ?, UTC_TIMESTAMP(6))")
			.params(this.cipher.getObject().encrypt(new Secret("legacy-token"), "gusto_webhook_token"),
					this.cipher.getObject().currentKeyId())
			.update();
		// a token of ours that a newer one replaced an hour ago
		storeToken("s-old", APPLICATION, "retired-token", "UTC_TIMESTAMP(6) - INTERVAL 1 HOUR");
		// ours, current
		storeToken("s-ours", APPLICATION, "current-token", null);
		// a ciphertext of ours copied into a row of another subscription
		String copied = this.jdbc.sql("SELECT token_enc FROM gusto_webhook_token WHERE subscription_uuid = 's-ours'")
			.query(String.class)
			.single();
		this.jdbc
			.sql("INSERT INTO gusto_webhook_token (subscription_uuid, application, url, token_enc, key_id, "
					+ "verified_at) VALUES ('s-copy', ?, ?, ?, ?, UTC_TIMESTAMP(6))")
			.params(APPLICATION, BASE + "/webhooks/gusto", copied, this.cipher.getObject().currentKeyId())
			.update();

		assertThat(postSigned("staging-token")).contains("token_not_for_company");
		assertThat(postSigned("legacy-token")).contains("signature_mismatch");
		assertThat(postSigned("retired-token")).contains("signature_mismatch");
		assertThat(postSigned("current-token")).contains("stored");
		assertThat(this.verification.verificationTokens().block(Duration.ofSeconds(10)))
			.extracting(GustoWebhookToken::subscriptionUuid)
			.containsExactlyInAnyOrder("s-staging", "s-ours");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox_event").query(Long.class).single()).isEqualTo(1);
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
	}

	@Test
	void theOfferedTokenIsStoredBeforeGustoIsAskedAndRemovedWhenGustoRefusesIt() {
		// given a handshake expected for a subscription, and a Gusto that takes 1.5 s to
		// answer the verification
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake").update();
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		long handshake = this.handshakes.expect(TENANT, APPLICATION, BASE + "/webhooks/gusto", Duration.ofMinutes(5));
		this.handshakes.identified(handshake, "3b1e2c6a-0000-4000-8000-000000000001");
		admin("POST", "/_admin/faults",
				Map.of("endpoint", "PUT /v1/webhook_subscriptions/.*/verify", "latency_ms", 1500));

		// when a token Gusto does not know is offered
		reactor.core.publisher.Mono<String> answer = this.http.post()
			.uri(BASE + "/webhooks/gusto")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"verification_token\":\"not-gustos-token\"}")
			.exchangeToMono((response) -> response.bodyToMono(String.class))
			.cache();
		answer.subscribe();

		// then, while Gusto is being asked, the token is already stored (unconfirmed)
		await(() -> this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token WHERE retire_after IS NOT NULL")
			.query(Long.class)
			.single() == 1);
		// and once Gusto refused it, it is gone
		assertThat(answer.block(Duration.ofSeconds(10))).contains("verification_token_refused");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single()).isZero();
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake").update();
	}

	@Test
	void unsignedHandshakesWhileNoSubscriptionOfOursIsPendingAreRefusedWithoutCallingGusto() {
		// given no subscription command waiting for its token
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake").update();
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		admin("DELETE", "/_admin/stats", null);

		// when an outsider posts fifty unsigned handshakes
		for (int i = 0; i < 50; i++) {
			assertThat(postWebhook("{\"verification_token\":\"x" + i + "\"}", null)).contains("no_handshake_expected");
		}

		// then Gusto was never called and nothing was stored
		assertThat(stat("requests")).isZero();
		assertThat(stat("system_access_requests")).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single()).isZero();
	}

	@Test
	void whileAHandshakeIsExpectedForgedTokensCostAtMostTwoGustoCallsEachAndOneRunsAtATime() {
		// given a handshake expected for our URL, which no pending subscription has
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake").update();
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		this.handshakes.expect(TENANT, APPLICATION, BASE + "/webhooks/gusto", Duration.ofMinutes(5));
		admin("DELETE", "/_admin/stats", null);

		// when twenty forged handshakes arrive at once
		java.util.List<String> answers = reactor.core.publisher.Flux.range(0, 20)
			.flatMap((i) -> this.http.post()
				.uri(BASE + "/webhooks/gusto")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"verification_token\":\"forged-" + i + "\"}")
				.exchangeToMono((response) -> response.bodyToMono(String.class)), 20)
			.collectList()
			.block(Duration.ofSeconds(60));

		// then each is refused (Gusto did not confirm it, or another was being verified)
		// and no handshake made more than two Gusto calls (list, verify)
		assertThat(answers).hasSize(20)
			.allSatisfy((answer) -> assertThat(answer).containsAnyOf("verification_token_refused",
					"handshake_in_progress"));
		long verified = answers.stream().filter((answer) -> answer.contains("verification_token_refused")).count();
		assertThat(stat("requests")).isLessThanOrEqualTo(2 * verified);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single()).isZero();
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake").update();
	}

	@Test
	void aSubscriberThatNeverAnswers2xxGetsSixteenAttemptsThenTheSubscriptionIsUnreachable() {
		String system = this.http.post()
			.uri(SANDBOX + "/oauth/token")
			.bodyValue(Map.of("client_id", "sandbox-gusto-client", "client_secret", "sandbox-gusto-secret",
					"grant_type", "system_access"))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10))
			.path("access_token")
			.asString();
		String uuid = this.http.post()
			.uri(SANDBOX + "/v1/webhook_subscriptions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + system)
			.bodyValue(Map.of("url", BASE + "/sandbox/gusto/_admin/nowhere", "subscription_types",
					java.util.List.of("Location")))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10))
			.path("uuid")
			.asString();
		this.http.put()
			.uri(SANDBOX + "/v1/webhook_subscriptions/" + uuid + "/verify")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + system)
			.bodyValue(Map.of("verification_token", "test-verification-token"))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
		admin("POST", "/_admin/webhooks", Map.of("first_retry_ms", 5, "max_retry_delay_ms", 40));
		admin("DELETE", "/_admin/stats", null);

		emitLocationEvent();

		await(() -> "unreachable".equals(this.http.get()
			.uri(SANDBOX + "/v1/webhook_subscriptions/" + uuid)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + system)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10))
			.path("status")
			.asString()));
		assertThat(stat("failed_webhook_deliveries")).isEqualTo(16);
	}

	private void emitLocationEvent() {
		// company.provisioned is delivered to every verified subscription; a Location
		// subscriber gets it as well as location events
		get(SANDBOX + "/oauth/authorize?client_id=sandbox-gusto-client&response_type=code"
				+ "&redirect_uri=http://localhost:1/callback");
	}

	private void storeToken(String subscription, String application, String token, String retireAfter) {
		String url = BASE + "/webhooks/gusto";
		this.jdbc
			.sql("INSERT INTO gusto_webhook_token (subscription_uuid, application, url, token_enc, key_id, "
					+ "verified_at, retire_after) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6), "
					+ ((retireAfter != null) ? retireAfter : "NULL") + ")")
			.params(subscription, application, url,
					this.cipher.getObject()
						.encrypt(new Secret(token), GustoWebhookTokens.associatedData(subscription, application, url)),
					this.cipher.getObject().currentKeyId())
			.update();
	}

	private String postSigned(String token) {
		String body = "{\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"event_type\":\"company.updated\","
				+ "\"resource_type\":\"Company\",\"resource_uuid\":\"" + COMPANY + "\",\"entity_type\":\"Company\","
				+ "\"entity_uuid\":\"" + COMPANY + "\",\"timestamp\":1767644464}";
		// the cache of stored tokens lasts five seconds
		Instant deadline = Instant.now().plusSeconds(10);
		String answer = postWebhook(body, GustoWebhookSignature.sign(body.getBytes(), new Secret(token)));
		while (answer.contains("signature_mismatch") && token.equals("current-token")
				&& Instant.now().isBefore(deadline)) {
			sleep();
			answer = postWebhook(body, GustoWebhookSignature.sign(body.getBytes(), new Secret(token)));
		}
		return answer;
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String postWebhook(String body, String signature) {
		var request = this.http.post().uri(BASE + "/webhooks/gusto").contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header("X-Gusto-Signature", signature);
		}
		return request.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class))
			.block(Duration.ofSeconds(30));
	}

	private static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(15);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited 15 s for the condition").isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
