package io.mlconnector.sandbox.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The start-up demo of {@code ./mvnw spring-boot:run}, switched on: the service starts on
 * a free port and, with nothing else done by the test, ends with the demo payroll POSTED
 * as one balanced IFS voucher per company code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("sandbox")
// its inbox dispatcher runs; closed afterwards so it never dispatches other tests' events
@DirtiesContext
class PayrollDemoIntegrationTests {

	static final int PORT = LoopbackPorts.free();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("mlc.sandbox.demo.enabled", () -> "true");
	}

	@Autowired
	private PayrollDemo demo;

	@Autowired
	private JdbcClient jdbc;

	private final WebClient http = WebClient.builder()
		.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
		.build();

	@Test
	void theDemoPostsAPayrollOfThreeHundredEmployeesAsOneBalancedVoucherPerCompanyCodeAndSyncsTheirPeopleToIfsAndVisma() {
		await().atMost(Duration.ofMinutes(3)).until(() -> this.demo.outcome() != null);
		DemoOutcome outcome = this.demo.outcome();

		assertThat(outcome.posted()).as(outcome.report()).isTrue();
		assertThat(outcome.report()).contains("Payroll demo: payroll posted", "balanced",
				"/api/v1/postings?tenant=demo", "/actuator/prometheus", "localhost:" + PORT, "People (peopleSweepJob");
		// and the company's people were synced: IFS and Visma hold everyone Gusto employs
		long employed = this.jdbc
			.sql("SELECT COUNT(*) FROM employee_link WHERE tenant = 'demo' AND active AND ifs_status = 'SYNCED' "
					+ "AND visma_status = 'SYNCED'")
			.query(Long.class)
			.single();
		assertThat(outcome.headcount().get("gusto")).isGreaterThan(250L);
		assertThat(outcome.headcount()).containsEntry("ifs", outcome.headcount().get("gusto"))
			.containsEntry("visma", outcome.headcount().get("gusto"));
		assertThat(employed).isGreaterThanOrEqualTo(outcome.headcount().get("gusto"));
		Map<String, Object> posting = this.jdbc
			.sql("SELECT status, employee_count, total_debit, total_credit FROM payroll_posting "
					+ "WHERE tenant = 'demo' AND payroll_uuid = ? AND kind = 'ACCRUAL' AND dry_run = FALSE")
			.param(outcome.payrollUuid())
			.query()
			.singleRow();
		assertThat(posting.get("status")).isEqualTo("POSTED");
		assertThat(((Number) posting.get("employee_count")).intValue()).isGreaterThan(250);
		assertThat(outcome.vouchers()).extracting(DemoOutcome.Voucher::company).containsExactly("10", "30", "40");
		BigDecimal debit = BigDecimal.ZERO;
		for (DemoOutcome.Voucher voucher : outcome.vouchers()) {
			JsonNode found = this.http.get()
				.uri("http://localhost:" + PORT + "/sandbox/ifs/_admin/vouchers?reference={reference}",
						voucher.reference())
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block(Duration.ofSeconds(30));
			assertThat(found.path("count").asInt()).as(voucher.reference()).isEqualTo(1);
			JsonNode inIfs = found.path("vouchers").get(0);
			assertThat(inIfs.path("Balanced").asBoolean()).as(voucher.reference()).isTrue();
			assertThat(inIfs.path("DebitTotal").decimalValue()).isPositive()
				.isEqualByComparingTo(inIfs.path("CreditTotal").decimalValue());
			debit = debit.add(inIfs.path("DebitTotal").decimalValue());
		}
		assertThat(debit).isEqualByComparingTo((BigDecimal) posting.get("total_debit"));
		assertThat((BigDecimal) posting.get("total_credit"))
			.isEqualByComparingTo((BigDecimal) posting.get("total_debit"));
		// the payroll arrived as a webhook, through the inbox; its event is DONE once the
		// dispatcher has seen the posting job complete (RUNNING until then)
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("SELECT status FROM inbox_event WHERE event_type = 'payroll.processed' AND entity_id = ?")
				.param(outcome.payrollUuid())
				.query(String.class)
				.list()).containsExactly("DONE"));
	}

	@AfterEach
	void removeWhatTheDemoStored() {
		// the test JVM's database is shared by every test class: leave no connection,
		// webhook token, inbox event or posting behind
		DemoOutcome outcome = this.demo.outcome();
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.jdbc.sql("DELETE FROM inbox_event").update();
		if (outcome != null && outcome.payrollUuid() != null) {
			this.jdbc.sql("DELETE FROM payroll_voucher WHERE tenant = 'demo' AND payroll_uuid = ?")
				.param(outcome.payrollUuid())
				.update();
			this.jdbc.sql("DELETE FROM payroll_posting WHERE tenant = 'demo' AND payroll_uuid = ?")
				.param(outcome.payrollUuid())
				.update();
		}
	}

}
