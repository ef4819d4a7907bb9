package io.mlconnector.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsEtag;
import io.mlconnector.slack.SlackClient;
import io.mlconnector.slack.SlackClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A record's Slack message through the real Slack connector against the Slack sandbox
 * over loopback, with {@code slack_message} in MariaDB: posted once, updated in place
 * with the change threaded, never sent again for the version it shows, and never posted a
 * second time after a claim whose outcome is unknown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "spring.datasource.hikari.maximum-pool-size=4" })
@ActiveProfiles({ "sandbox", "slacktest" })
class ErpNotifierIntegrationTests {

	static final int PORT = LoopbackPorts.free();

	static final String INVOICES = "CINVOICES1";

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Autowired
	private ErpNotifier notifier;

	@Autowired
	private SlackClients slack;

	@Autowired
	private Tenants tenants;

	@Autowired
	private JdbcClient jdbc;

	private final WebClient http = WebClient.create("http://localhost:" + PORT);

	private final ErpNotificationFormatter formatter = new ErpNotificationFormatter(Map.of(),
			ErpNotificationFormatter.Names.none());

	@BeforeEach
	void resetSlack() {
		this.http.post()
			.uri("/sandbox/slack/_admin/reset")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		this.jdbc.sql("DELETE FROM slack_message WHERE tenant = 'demo'").update();
	}

	@Test
	void aNewInvoiceIsPostedOnceAndItsApprovalUpdatesTheSameMessageAndThreadsWhatChanged() {
		// when a supplier invoice awaiting authorization is notified
		ErpNotifier.Outcome first = notify(invoice("W/\"1\"", "AwaitAuth", "1200.00"));

		// then the invoices channel has one message with its business context
		assertThat(first).isEqualTo(ErpNotifier.Outcome.POSTED);
		List<JsonNode> posted = messages();
		assertThat(posted).singleElement().satisfies((message) -> {
			assertThat(message.path("text").asString()).contains("Supplier invoice INV-77 from Acme Tools",
					"Amount: 1,200.00 USD", "Approval state: AwaitAuth");
			assertThat(message.path("metadata").path("event_type").asString()).isEqualTo("ifs_supplier_invoice");
		});
		String ts = posted.get(0).path("ts").asString();

		// when the same version is seen again (a poll's overlap), nothing is sent
		assertThat(notify(invoice("W/\"1\"", "AwaitAuth", "1200.00"))).isEqualTo(ErpNotifier.Outcome.UNCHANGED);
		assertThat(messages()).hasSize(1);

		// when IFS authorizes it
		assertThat(notify(invoice("W/\"2\"", "Authorized", "1200.00"))).isEqualTo(ErpNotifier.Outcome.UPDATED);

		// then the same message shows the new state, and its thread says what changed
		List<JsonNode> after = messages();
		JsonNode parent = after.stream()
			.filter((message) -> ts.equals(message.path("ts").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(parent.path("text").asString()).contains("Approval state: Authorized");
		assertThat(parent.path("edits").asInt()).isEqualTo(1);
		assertThat(after)
			.filteredOn((message) -> ts.equals(message.path("thread_ts").asString())
					&& !ts.equals(message.path("ts").asString()))
			.singleElement()
			.satisfies((reply) -> assertThat(reply.path("text").asString())
				.isEqualTo("Changed in IFS: Approval state: AwaitAuth → Authorized"));
		Map<String, Object> row = this.jdbc
			.sql("SELECT status, etag, ts, message_version FROM slack_message WHERE tenant = 'demo' "
					+ "AND kind = 'supplier_invoice' AND record_key = '10-77'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("status", "POSTED")
			.containsEntry("etag", "W/\"2\"")
			.containsEntry("ts", ts)
			.containsEntry("message_version", 2);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE subject = 'supplier_invoice:10-77' "
					+ "AND action = 'notify.message.sent'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRecordWhosePostMayHaveReachedSlackIsNotPostedAgainButReported() {
		// given a claim left by a run that died between calling Slack and recording its
		// answer
		this.jdbc.sql("""
				INSERT INTO slack_message (tenant, kind, record_key, status, etag, updated_at)
				VALUES ('demo', 'supplier_invoice', '10-77', 'POSTING', 'W/"1"', NOW(6))
				""").update();

		// when the record is seen again
		ErpNotifier.Outcome outcome = notify(invoice("W/\"1\"", "AwaitAuth", "1200.00"));

		// then nothing is posted, and the audit says where to look
		assertThat(outcome).isEqualTo(ErpNotifier.Outcome.UNKNOWN);
		assertThat(messages()).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE subject = 'supplier_invoice:10-77' "
					+ "AND action = 'notify.message.failed' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).contains("outcome is unknown", INVOICES);
	}

	@Test
	void aFirstPostSlackRefusedMayBeTriedAgainButOneWhoseOutcomeIsUnknownIsNeverRepeated() {
		// when Slack refuses the first post (a content error: nothing was posted)
		fault("chat.postMessage", "invalid_blocks");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> notify(invoice("W/\"1\"", "AwaitAuth", "1200.00")));

		// then the record is FAILED with the reason, and the next sight posts it
		assertThat(status()).isEqualTo("FAILED");
		assertThat(notify(invoice("W/\"1\"", "AwaitAuth", "1200.00"))).isEqualTo(ErpNotifier.Outcome.POSTED);
		assertThat(messages()).hasSize(1);

		// when a first post of another record ends with Slack unavailable after the
		// retries
		this.jdbc.sql("DELETE FROM slack_message WHERE tenant = 'demo'").update();
		resetSlack();
		fault("chat.postMessage", "service_unavailable", 20);
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> notify(invoice("W/\"1\"", "AwaitAuth", "1200.00")));

		// then its claim stays: seen again, it is reported and not posted
		assertThat(status()).isEqualTo("POSTING");
		this.http.post()
			.uri("/sandbox/slack/_admin/reset")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		assertThat(notify(invoice("W/\"1\"", "AwaitAuth", "1200.00"))).isEqualTo(ErpNotifier.Outcome.UNKNOWN);
		assertThat(messages()).isEmpty();
	}

	private void fault(String method, String error) {
		fault(method, error, 1);
	}

	private void fault(String method, String error, int count) {
		this.http.post()
			.uri("/sandbox/slack/_admin/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("method", method, "error", error, "count", count))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
	}

	private String status() {
		return this.jdbc
			.sql("SELECT status FROM slack_message WHERE tenant = 'demo' AND kind = 'supplier_invoice' "
					+ "AND record_key = '10-77'")
			.query(String.class)
			.single();
	}

	private ErpNotifier.Outcome notify(IfsEntity invoice) {
		Tenant tenant = this.tenants.find("demo").orElseThrow();
		SlackClient client = this.slack.forTenant("demo");
		return this.notifier.notify(tenant, client, this.formatter.format(ErpRecordKind.SUPPLIER_INVOICE, invoice),
				42L);
	}

	private List<JsonNode> messages() {
		JsonNode body = this.http.get()
			.uri("/sandbox/slack/_admin/messages?channel=" + INVOICES)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		return body.path("messages").valueStream().toList();
	}

	private static IfsEntity invoice(String etag, String state, String amount) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("Company", "10");
		values.put("InvoiceId", 77);
		values.put("InvoiceNo", "INV-77");
		values.put("SupplierName", "Acme Tools");
		values.put("GrossAmount", amount);
		values.put("CurrencyCode", "USD");
		values.put("DueDate", "2026-12-31");
		values.put("Objstate", state);
		return new IfsEntity(new IfsEtag(etag), values);
	}

}
