package io.mlconnector.payroll;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.testsupport.LoopbackPorts;
import io.mlconnector.testsupport.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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

	static final int PORT = LoopbackPorts.free();

	static final String BASE = "http://localhost:" + PORT;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("mlc.gusto.webhook-url", () -> BASE + "/webhooks/gusto");
		registry.add("mlc.sandbox.gusto.verification-token", () -> "payroll-webhook-test-token");
	}

	@Autowired
	private JdbcClient jdbc;

	private final SandboxHttp sandbox = new SandboxHttp(PORT);

	private final WebClient http = this.sandbox.client();

	@AfterEach
	void forgetTheSubscriptionToken() {
		// the database is shared with the other test classes of this run
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
	}

	@Test
	void duplicateAndOutOfOrderDeliveriesOfProcessedPayrollsEndAsOneVoucherEach() {
		// given the demo tenant connected and subscribed, and a Gusto that delivers every
		// event twice and swaps neighbours
		this.sandbox.gustoCompany(25, 4242);
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.sandbox.connectGusto();
		this.http.put()
			.uri(BASE + "/api/v1/gusto/webhook-subscription")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("subscription_types", List.of("Payroll")))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single() > 0);
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/webhooks",
				Map.of("duplicate", true, "reorder", true));

		// when two payrolls are processed
		String first = this.sandbox.processPayroll();
		String second = this.sandbox.processPayroll();

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
			JsonNode vouchers = this.sandbox
				.ifsVouchers(PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10"));
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

}
