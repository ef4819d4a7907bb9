package io.mlconnector.payroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path with the dispatcher running: Gusto's webhook (duplicated and out of
 * order, as the sandbox can deliver them) → inbox → dispatcher →
 * {@code payrollPostingJob} → IFS. Each payroll ends as one voucher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.poll-interval=200ms", "mlc.inbox.catch-up.initial-delay=1h" })
@ActiveProfiles("sandbox")
class PayrollWebhookFunctionalTests {

	static final String COMPANY = "7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51";

	static final int PORT = freePort();

	static final String BASE = "http://localhost:" + PORT;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("mlc.gusto.webhook-url", () -> BASE + "/webhooks/gusto");
		registry.add("mlc.sandbox.gusto.verification-token", () -> "payroll-webhook-test-token");
	}

	@Autowired
	private JdbcClient jdbc;

	private final WebClient http = WebClient.builder().build();

	@Test
	void duplicateAndOutOfOrderDeliveriesOfProcessedPayrollsEndAsOneVoucherEach() {
		// given the demo tenant connected and subscribed, and a Gusto that delivers every
		// event twice and swaps neighbours
		admin("/sandbox/gusto/_admin/companies", Map.of("company_uuid", COMPANY, "employees", 25, "seed", 4242));
		this.jdbc.sql("DELETE FROM oauth_token").update();
		URI authorize = get(BASE + "/connect/gusto?tenant=demo").getHeaders().getLocation();
		URI callback = get(authorize.toString()).getHeaders().getLocation();
		assertThat(get(callback.toString()).getStatusCode().value()).isEqualTo(200);
		this.http.put()
			.uri(BASE + "/api/v1/gusto/webhook-subscription")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("subscription_types", List.of("Payroll")))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single() > 0);
		admin("/sandbox/gusto/_admin/webhooks", Map.of("duplicate", true, "reorder", true));

		// when two payrolls are processed
		String first = admin("/sandbox/gusto/_admin/payrolls/process", Map.of()).path("payroll_uuid").asString();
		String second = admin("/sandbox/gusto/_admin/payrolls/process", Map.of()).path("payroll_uuid").asString();

		// then each is posted, once, and its event is in the inbox once
		for (String payroll : List.of(first, second)) {
			await().atMost(Duration.ofSeconds(90))
				.until(() -> "POSTED".equals(this.jdbc
					.sql("SELECT status FROM payroll_posting WHERE payroll_uuid = ? AND kind = 'ACCRUAL' "
							+ "AND dry_run = FALSE")
					.param(payroll)
					.query(String.class)
					.optional()
					.orElse(null)));
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM inbox_event WHERE entity_id = ? AND event_type = 'payroll.processed'")
				.param(payroll)
				.query(Long.class)
				.single()).isEqualTo(1);
			JsonNode vouchers = this.http.get()
				.uri(BASE + "/sandbox/ifs/_admin/vouchers?reference={r}",
						PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"))
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block(Duration.ofSeconds(30));
			assertThat(vouchers.path("count").asInt()).isEqualTo(1);
			assertThat(vouchers.path("vouchers").get(0).path("Balanced").asBoolean()).isTrue();
		}
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM payroll_posting WHERE payroll_uuid IN (?, ?) AND status = 'FAILED'")
					.params(first, second)
					.query(Long.class)
					.single())
			.isZero();
	}

	private JsonNode admin(String path, Object body) {
		return this.http.post()
			.uri(BASE + path)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(60));
	}

	private ResponseEntity<String> get(String url) {
		return this.http.get()
			.uri(URI.create(url))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(30));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
