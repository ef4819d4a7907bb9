package io.mlconnector.gusto;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.secrets.OAuthTokenStore;
import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one fixture of the Gusto integration tests: the application in profile
 * {@code sandbox} on a port chosen up front (tenant base URLs are bound at start-up), so
 * the demo tenant talks to the in-process Gusto sandbox over loopback, on this JVM's
 * MariaDB database. The rate limit window is scaled down to 3 s on both sides (200
 * requests per 3 s), the same code path as Gusto's 200 per minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
abstract class GustoSandboxTestSupport {

	static final String TENANT = "demo";

	static final String COMPANY = "7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51";

	static final int PORT = LoopbackPorts.free();

	static final String BASE = "http://localhost:" + PORT;

	static final String SANDBOX = BASE + "/sandbox/gusto";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("mlc.sandbox.gusto.rate-limit-window", () -> "3s");
		registry.add("mlc.gusto.rate-limit-window", () -> "3s");
		registry.add("mlc.sandbox.gusto.verification-token", () -> "test-verification-token");
		registry.add("mlc.sandbox.gusto.webhook-first-retry", () -> "200ms");
		registry.add("mlc.gusto.refresh-claim", () -> "5s");
		registry.add("mlc.gusto.request-timeout", () -> "5s");
		registry.add("mlc.gusto.webhook-url", () -> BASE + "/webhooks/gusto");
		registry.add("mlc.inbox.dispatcher.enabled", () -> "false");
		// the test JVM caches several application contexts, all on one MariaDB server
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
	}

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected GustoClient client;

	@Autowired
	protected OAuthTokenStore store;

	protected final WebClient http = WebClient.builder()
		.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
		.build();

	@BeforeEach
	void resetSandbox() {
		admin("DELETE", "/_admin/faults", null);
		admin("POST", "/_admin/rate-limit", Map.of("requests", 200, "window_seconds", 3));
		admin("POST", "/_admin/tokens", Map.of("access_token_lifetime_seconds", 7200));
		admin("POST", "/_admin/webhooks",
				Map.of("duplicate", false, "reorder", false, "first_retry_ms", 200, "max_retry_delay_ms", 3_600_000));
		admin("POST", "/_admin/companies", Map.of("company_uuid", COMPANY, "employees", 60, "seed", 42));
		admin("DELETE", "/_admin/stats", null);
	}

	/**
	 * Connects the demo tenant through the real flow: our /connect/gusto, the sandbox's
	 * authorize, our callback.
	 */
	protected ResponseEntity<String> connect(String company) {
		URI authorize = startConnect(TENANT).getHeaders().getLocation();
		String url = authorize.toString() + ((company != null) ? "&company_uuid=" + company : "");
		URI callback = get(url).getHeaders().getLocation();
		assertThat(callback.toString()).startsWith(BASE + "/connect/gusto/callback");
		return get(callback.toString());
	}

	/**
	 * {@code GET /connect/gusto?tenant=...} as an operator (the operator token).
	 */
	protected ResponseEntity<String> startConnect(String tenant) {
		return this.http.get()
			.uri(URI.create(BASE + "/connect/gusto?tenant=" + tenant))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(30));
	}

	protected ResponseEntity<String> get(String url) {
		return this.http.get()
			.uri(URI.create(url))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(30));
	}

	protected JsonNode admin(String method, String path, Object body) {
		WebClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(SANDBOX + path);
		WebClient.RequestHeadersSpec<?> spec = (body != null) ? request.bodyValue(body) : request;
		return spec.exchangeToMono((response) -> {
			HttpStatusCode status = response.statusCode();
			assertThat(status.is2xxSuccessful()).as("sandbox admin %s %s answered %s", method, path, status).isTrue();
			return response.bodyToMono(JsonNode.class);
		}).block(Duration.ofSeconds(60));
	}

	protected long stat(String name) {
		return admin("GET", "/_admin/stats", null).path(name).asLong();
	}

	protected void expireStoredAccessToken() {
		this.jdbc.sql("UPDATE oauth_token SET expires_at = '2000-01-01 00:00:00' WHERE tenant = ?")
			.param(TENANT)
			.update();
	}

}
