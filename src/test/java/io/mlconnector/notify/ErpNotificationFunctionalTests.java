package io.mlconnector.notify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.ifs.IfsClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsWatermarks;
import io.mlconnector.tenant.IfsEntitySet;
import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Supplier invoices from the IFS sandbox to the Slack sandbox through
 * {@code erpNotificationJob}, launched through the operator API as the schedule would: a
 * new invoice appears once with its fields, its authorization updates the same message
 * and threads the change, a window that sees it again sends nothing, and an invoice that
 * cannot be notified is recorded FAILED with the reason while the others go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "spring.datasource.hikari.maximum-pool-size=5",
				// a short overlap, so a test's window starts after what the reset seeded
				"mlc.tenants.demo.ifs.poll-overlap=1s" })
@ActiveProfiles({ "sandbox", "slacktest" })
class ErpNotificationFunctionalTests {

	static final int PORT = LoopbackPorts.free();

	static final String BASE = "http://localhost:" + PORT;

	static final String INVOICES = "CINVOICES1";

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Autowired
	private IfsClients ifs;

	@Autowired
	private IfsWatermarks watermarks;

	@Autowired
	private JdbcClient jdbc;

	private final WebClient http = WebClient.create(BASE);

	private IfsClient client;

	private IfsEntitySet set;

	@BeforeEach
	void startFromEmptySandboxesAndAWatermarkOfNow() throws InterruptedException {
		for (String reset : List.of("/sandbox/slack/_admin/reset", "/sandbox/ifs/_admin/reset")) {
			this.http.post()
				.uri(reset)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of())
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(30));
		}
		// past the overlap (and IFS's one-second resolution) of what the reset seeded
		Thread.sleep(2100);
		this.client = this.ifs.forTenant("demo");
		this.set = this.client.connection().entitySets().supplierInvoice();
		this.jdbc.sql("DELETE FROM slack_message WHERE tenant = 'demo'").update();
		this.jdbc.sql("DELETE FROM sync_cursor WHERE tenant = 'demo' AND cursor_name = ?")
			.param(IfsWatermarks.name(this.set))
			.update();
		this.watermarks.advance("demo", this.set, null, Instant.now());
	}

	@Test
	void aNewInvoiceAppearsOnceWithItsFieldsAndItsAuthorizationUpdatesTheSameMessageAndThreadsTheChange() {
		// when IFS has a new supplier invoice and the next window is polled
		IfsEntity invoice = createInvoice("INV-9001", "Northwind Traders", "2500.00");
		Map<String, Object> first = poll();

		// then its message is in the invoices channel once, with the business context
		assertThat(first).containsEntry("STATUS", "COMPLETED");
		assertThat((String) first.get("EXIT_MESSAGE")).contains("1 changed record(s), 1 notified");
		List<JsonNode> posted = messages();
		assertThat(posted).singleElement()
			.satisfies((message) -> assertThat(message.path("text").asString()).contains(
					"Supplier invoice INV-9001 from Northwind Traders", "Amount: 2,500.00 USD",
					"Approval state: AwaitAuth", "Due date: 2026-12-31"));
		String ts = posted.get(0).path("ts").asString();
		// and the watermark is at the invoice's change or past it (IFS stamps whole
		// seconds, so the change may sit inside the window's overlap)
		assertThat(this.watermarks.find("demo", this.set).orElseThrow())
			.isAfterOrEqualTo(invoice.instant("ChangedDate"));

		// when the invoice is authorized in IFS and the next window is polled
		this.client
			.invoke(this.set, invoice.key(ErpRecordKind.SUPPLIER_INVOICE.keys()), "ManSuppInvoice_Authorize",
					invoice.etag(), Map.of())
			.block(Duration.ofSeconds(30));
		assertThat(poll()).containsEntry("STATUS", "COMPLETED");

		// then the same message shows it authorized and its thread says so
		List<JsonNode> after = messages();
		assertThat(after).hasSize(2);
		assertThat(after).filteredOn((message) -> ts.equals(message.path("ts").asString()))
			.singleElement()
			.satisfies((message) -> assertThat(message.path("text").asString()).contains("Approval state: Authorized"));
		assertThat(after).filteredOn((message) -> !ts.equals(message.path("ts").asString()))
			.singleElement()
			.satisfies((reply) -> {
				assertThat(reply.path("thread_ts").asString()).isEqualTo(ts);
				assertThat(reply.path("text").asString()).contains("Approval state: AwaitAuth → Authorized");
			});

		// when a window sees nothing new (only the overlap), nothing is sent
		assertThat(poll()).containsEntry("STATUS", "COMPLETED");
		assertThat(messages()).hasSize(2);
	}

	@Test
	void anInvoiceThatCannotBeNotifiedIsRecordedFailedWithTheReasonAndTheOthersArePosted() {
		// an amount IFS holds with three decimals is not an amount to the cent
		createInvoice("INV-BAD", "Broken Supplies", "10.125");
		createInvoice("INV-GOOD", "Good Supplies", "10.00");

		Map<String, Object> run = poll();

		assertThat(run).containsEntry("STATUS", "COMPLETED");
		assertThat(messages()).singleElement()
			.satisfies((message) -> assertThat(message.path("text").asString()).contains("INV-GOOD"));
		assertThat(this.jdbc
			.sql("SELECT error FROM slack_message WHERE tenant = 'demo' AND kind = 'supplier_invoice' "
					+ "AND status = 'FAILED'")
			.query(String.class)
			.single()).contains("cannot be notified", "GrossAmount is not an amount with at most two decimals");
		// and the operator API lists it with the reason
		JsonNode failed = this.http.get()
			.uri("/api/v1/notifications/failed?tenant=demo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		assertThat(failed.valueStream().toList()).singleElement().satisfies((row) -> {
			assertThat(row.path("kind").asString()).isEqualTo("SUPPLIER_INVOICE");
			assertThat(row.path("error").asString()).contains("GrossAmount");
		});
	}

	private IfsEntity createInvoice(String number, String supplier, String amount) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("Company", "10");
		values.put("InvoiceNo", number);
		values.put("Identity", "SUP-" + number);
		values.put("SupplierName", supplier);
		values.put("InvoiceDate", "2026-12-01");
		values.put("DueDate", "2026-12-31");
		values.put("GrossAmount", new BigDecimal(amount));
		values.put("CurrencyCode", "USD");
		return this.client.create(this.set, values).block(Duration.ofSeconds(30));
	}

	/**
	 * Launches the window from the stored watermark to now, and waits for its end.
	 */
	private Map<String, Object> poll() {
		Instant since = this.watermarks.find("demo", this.set).orElseThrow();
		Instant until = Instant.now().plusSeconds(1);
		long execution = this.http.post()
			.uri("/api/v1/jobs/erpNotificationJob/launch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("parameters",
					Map.of("tenant", "demo", "kind", "supplier_invoice", "since", since.toString(), "until",
							until.toString())))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30))
			.path("executionId")
			.asLong();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !List.of("STARTING", "STARTED")
				.contains(this.jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
					.param(execution)
					.query(String.class)
					.single()));
		return this.jdbc.sql("SELECT STATUS, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(execution)
			.query()
			.singleRow();
	}

	private List<JsonNode> messages() {
		return this.http.get()
			.uri("/sandbox/slack/_admin/messages?channel=" + INVOICES)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30))
			.path("messages")
			.valueStream()
			.toList();
	}

}
