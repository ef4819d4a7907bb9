package io.mlconnector.gusto;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.secrets.GrantStatus;
import io.mlconnector.secrets.OAuthGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GustoTokenRefreshIntegrationTests extends GustoSandboxTestSupport {

	@BeforeEach
	void connectTheDemoTenant() {
		this.jdbc.sql("DELETE FROM oauth_token").update();
		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
		admin("DELETE", "/_admin/stats", null);
	}

	@Test
	void refreshesOnceWhenTwentyCallersFindTheTokenExpired() throws Exception {
		long versionBefore = this.store.find(TENANT, "GUSTO").orElseThrow().version();
		expireStoredAccessToken();

		List<GustoTokenInfo> answers = concurrently(20, () -> this.client.tokenInfo(TENANT).block());

		assertThat(answers).hasSize(20).allSatisfy((info) -> assertThat(info.companyUuid()).isEqualTo(COMPANY));
		assertThat(stat("refresh_requests")).isEqualTo(1);
		assertThat(stat("unauthorized")).isZero();
		assertThat(this.store.find(TENANT, "GUSTO").orElseThrow().version()).isEqualTo(versionBefore + 1);
	}

	@Test
	void twoInstancesOnOneDatabaseStillRefreshOnce() throws Exception {
		try (ConfigurableApplicationContext second = secondInstance()) {
			GustoClient other = second.getBean(GustoClient.class);
			// both instances have used the grant's request budget before (the first
			// concurrent use of a new budget row can deadlock in the shared budget;
			// reported)
			this.client.tokenInfo(TENANT).block();
			other.tokenInfo(TENANT).block();
			expireStoredAccessToken();

			List<GustoTokenInfo> answers = concurrently(20,
					(i) -> ((i % 2 == 0) ? this.client : other).tokenInfo(TENANT).block());

			assertThat(answers).hasSize(20).allSatisfy((info) -> assertThat(info.companyUuid()).isEqualTo(COMPANY));
			assertThat(stat("refresh_requests")).isEqualTo(1);
			assertThat(stat("rejected_refresh_requests")).isZero();
		}
	}

	@Test
	void recoversWithTheOldRefreshTokenAfterACrashBeforeTheNewPairWasCommitted() {
		OAuthGrant before = this.store.find(TENANT, "GUSTO").orElseThrow();
		// another instance claimed the row, Gusto answered its refresh, and it died
		// before
		// committing: the answer is lost, the claim lapses
		JsonNode lost = this.http.post()
			.uri(SANDBOX + "/oauth/token")
			.bodyValue(Map.of("client_id", "sandbox-gusto-client", "client_secret", "sandbox-gusto-secret",
					"grant_type", "refresh_token", "refresh_token", before.refreshToken().value()))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10));
		assertThat(lost.path("access_token").asString()).isNotBlank();
		this.jdbc
			.sql("UPDATE oauth_token SET refresh_owner = 'crashed-instance#1', "
					+ "refresh_until = '2000-01-01 00:00:00', expires_at = '2000-01-01 00:00:00' WHERE tenant = ?")
			.param(TENANT)
			.update();

		GustoTokenInfo info = this.client.tokenInfo(TENANT).block();

		assertThat(info.companyUuid()).isEqualTo(COMPANY);
		OAuthGrant after = this.store.find(TENANT, "GUSTO").orElseThrow();
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(after.refreshOwner()).isNull();
		assertThat(after.refreshToken().value()).isNotEqualTo(before.refreshToken().value());
		assertThat(stat("refresh_requests")).isEqualTo(2);
		assertThat(stat("rejected_refresh_requests")).isZero();
	}

	@Test
	void aRejectedRefreshTokenRequiresReconnectingVisiblyInHealthAuditAndErrors() {
		admin("POST", "/_admin/tokens", Map.of("revoke_refresh_tokens", true, "company_uuid", COMPANY));
		expireStoredAccessToken();

		assertThatThrownBy(() -> this.client.tokenInfo(TENANT).block()).isInstanceOf(GustoNotConnectedException.class)
			.hasMessageContaining("reconnect Gusto for tenant demo")
			.hasMessageContaining("/connect/gusto?tenant=demo")
			.satisfies((ex) -> assertThat(((GustoNotConnectedException) ex).reconnectRequired()).isTrue());
		assertThatThrownBy(() -> this.client.employees(TENANT).collectList().block())
			.isInstanceOf(GustoNotConnectedException.class);

		assertThat(stat("refresh_requests")).as("no retry loop").isEqualTo(1);
		assertThat(this.store.find(TENANT, "GUSTO").orElseThrow().status()).isEqualTo(GrantStatus.RECONNECT_REQUIRED);
		assertThat(this.jdbc
			.sql("SELECT outcome FROM audit_event WHERE action = 'gusto.token.refresh' AND tenant = ? ORDER BY id DESC")
			.param(TENANT)
			.query(String.class)
			.list()).first().isEqualTo("FAILURE");
		String connections = this.http.get()
			.uri(BASE + "/api/v1/tenants/demo/connections")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		assertThat(connections).contains("reconnect Gusto for tenant demo");
		JsonNode health = this.http.get()
			.uri(BASE + "/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN)
			.exchangeToMono((response) -> response.bodyToMono(JsonNode.class))
			.block(Duration.ofSeconds(30));
		JsonNode gusto = health.path("components")
			.path("connections")
			.path("components")
			.path(TENANT)
			.path("components")
			.path("gusto");
		assertThat(gusto.path("status").asString()).isNotEqualTo("UP");
		assertThat(gusto.path("details").toString()).contains("reconnect Gusto for tenant demo");

		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
		assertThat(this.store.find(TENANT, "GUSTO").orElseThrow().status()).isEqualTo(GrantStatus.ACTIVE);
		assertThat(this.client.tokenInfo(TENANT).block().companyUuid()).isEqualTo(COMPANY);
	}

	@Test
	void aRejectedAccessTokenIsRefreshedOnceAndTheRequestRetriedOnce() {
		admin("POST", "/_admin/faults", Map.of("expire_tokens", true));

		GustoTokenInfo info = this.client.tokenInfo(TENANT).block();

		assertThat(info.companyUuid()).isEqualTo(COMPANY);
		assertThat(stat("unauthorized")).isEqualTo(1);
		assertThat(stat("refresh_requests")).isEqualTo(1);
	}

	@Test
	void aTokenAboutToExpireIsRefreshedBeforeItIsUsed() {
		this.jdbc
			.sql("UPDATE oauth_token SET expires_at = DATE_ADD(UTC_TIMESTAMP(6), INTERVAL 30 SECOND) WHERE tenant = ?")
			.param(TENANT)
			.update();

		this.client.tokenInfo(TENANT).block();

		assertThat(stat("refresh_requests")).isEqualTo(1);
		assertThat(stat("unauthorized")).isZero();
	}

	@Test
	void aRefreshWhoseRetriesOutlastOneClaimPeriodKeepsItsClaimUntilItIsDone() throws Exception {
		// given a slow Gusto token endpoint that fails twice: the claim lasts 5 s,
		// the refresh with its retries about 8 s
		admin("POST", "/_admin/faults",
				Map.of("endpoint", "POST /oauth/token", "latency_ms", 2500, "server_errors", 2));
		expireStoredAccessToken();

		// when a caller needs the token
		java.util.concurrent.CompletableFuture<GustoTokenInfo> info = this.client.tokenInfo(TENANT).toFuture();

		// then past one claim period the refresh still holds its claim, so no other
		// instance could spend the single-use refresh token again
		Thread.sleep(6_500);
		assertThat(info).isNotDone();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM oauth_token WHERE tenant = ? AND refresh_owner IS NOT NULL "
					+ "AND refresh_until > UTC_TIMESTAMP(6)")
			.param(TENANT)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(info.get(30, java.util.concurrent.TimeUnit.SECONDS).companyUuid()).isEqualTo(COMPANY);
		assertThat(this.store.find(TENANT, "GUSTO").orElseThrow().refreshOwner()).isNull();
		assertThat(stat("rejected_refresh_requests")).isZero();
	}

	@Test
	void aWrongClientSecretIsAConfigurationErrorThatKeepsTheGrant() {
		// given an instance whose demo tenant has a wrong client secret
		try (ConfigurableApplicationContext misconfigured = secondInstance(
				"MLC_DEMO_GUSTO_CLIENT_SECRET=not-the-client-secret")) {
			// when it needs a fresh token
			expireStoredAccessToken();
			assertThatThrownBy(() -> misconfigured.getBean(GustoClient.class).tokenInfo(TENANT).block())
				// then it says what to fix
				.hasMessageContaining("refused the client credentials of tenant demo")
				.hasMessageContaining("mlc.tenants.demo.gusto.client-id")
				.isNotInstanceOf(GustoNotConnectedException.class);
		}
		// and the grant is neither marked for reconnecting nor left claimed
		OAuthGrant grant = this.store.find(TENANT, "GUSTO").orElseThrow();
		assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
		assertThat(grant.refreshOwner()).isNull();
		assertThat(this.client.tokenInfo(TENANT).block().companyUuid()).isEqualTo(COMPANY);
	}

	private ConfigurableApplicationContext secondInstance(String... properties) {
		return new SpringApplicationBuilder(MlConnectorApplication.class).web(WebApplicationType.NONE)
			.profiles("sandbox")
			.properties("PORT=" + PORT, "mlc.gusto.rate-limit-window=3s", "mlc.gusto.refresh-claim=5s",
					"mlc.inbox.dispatcher.enabled=false", "spring.liquibase.enabled=false", "DB_POOL_SIZE=4",
					"spring.datasource.hikari.minimum-idle=1")
			.properties(properties)
			.run();
	}

	private static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
		return concurrently(callers, (i) -> call.call());
	}

	private static <T> List<T> concurrently(int callers, Caller<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.call(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	interface Caller<T> {

		T call(int index) throws Exception;

	}

}
