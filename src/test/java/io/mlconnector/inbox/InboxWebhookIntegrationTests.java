package io.mlconnector.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.mlconnector.gusto.GustoWebhookSignature;
import io.mlconnector.secrets.Secret;
import io.mlconnector.slack.SlackRequestSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("acme")
class InboxWebhookIntegrationTests {

	static final Secret GUSTO_TOKEN = new Secret("acme-gusto-verification-token");

	static final Secret SLACK_SECRET = new Secret("acme-slack-signing-secret");

	static final String ACME_COMPANY = "5df911a0-e8e9-412d-8aaf-a46ad193dd96";

	@Autowired
	private WebTestClient web;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM inbox_event").update();
	}

	@Test
	void aSignedGustoEventIsStoredBeforeItIsAcknowledged() {
		String uuid = UUID.randomUUID().toString();
		byte[] body = gustoEvent(uuid, "payroll.processed", ACME_COMPANY, "c02f2c32-34f7-4128-9145-7d49f0c3f355");
		postGusto(body, GustoWebhookSignature.sign(body, GUSTO_TOKEN)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("stored");
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM inbox_event WHERE event_uuid = ?")
			.param(uuid)
			.query()
			.singleRow();
		assertThat(row).containsEntry("source", "GUSTO")
			.containsEntry("tenant", "acme")
			.containsEntry("event_type", "payroll.processed")
			.containsEntry("entity_type", "Payroll")
			.containsEntry("entity_id", "c02f2c32-34f7-4128-9145-7d49f0c3f355")
			.containsEntry("status", "RECEIVED")
			.containsEntry("payload", new String(body, StandardCharsets.UTF_8));
	}

	@Test
	void theSignatureHeaderIsAlsoReadInGustosDocumentedSpelling() {
		byte[] body = gustoEvent(UUID.randomUUID().toString(), "employee.created", ACME_COMPANY, "e-1");
		this.web.post()
			.uri("/webhooks/gusto")
			.contentType(MediaType.APPLICATION_JSON)
			.header("x_gusto_signature", GustoWebhookSignature.sign(body, GUSTO_TOKEN).toUpperCase())
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theSameEventPostedFiftyTimesConcurrentlyIsStoredOnce() throws Exception {
		String uuid = UUID.randomUUID().toString();
		byte[] body = gustoEvent(uuid, "payroll.processed", ACME_COMPANY, "p-50");
		String signature = GustoWebhookSignature.sign(body, GUSTO_TOKEN);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 50; i++) {
				answers
					.add(pool.submit(() -> postGusto(body, signature).returnResult(String.class).getStatus().value()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(countOf(uuid)).isEqualTo(1);
	}

	@Test
	void aDuplicateDeliveryIsAcknowledgedAndNotStoredTwice() {
		String uuid = UUID.randomUUID().toString();
		byte[] body = gustoEvent(uuid, "payroll.processed", ACME_COMPANY, "p-dup");
		String signature = GustoWebhookSignature.sign(body, GUSTO_TOKEN);
		postGusto(body, signature).expectStatus().isOk();
		postGusto(body, signature).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
		assertThat(countOf(uuid)).isEqualTo(1);
	}

	@Test
	void anEventForAnUnknownCompanyIsStoredAsIgnoredWithTheReason() {
		String uuid = UUID.randomUUID().toString();
		byte[] body = gustoEvent(uuid, "payroll.processed", "00000000-0000-0000-0000-00000000dead", "p-x");
		postGusto(body, GustoWebhookSignature.sign(body, GUSTO_TOKEN)).expectStatus().isOk();
		Map<String, Object> row = this.jdbc
			.sql("SELECT status, status_reason, tenant FROM inbox_event WHERE event_uuid = ?")
			.param(uuid)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("IGNORED");
		assertThat(row.get("tenant")).isNull();
		assertThat((String) row.get("status_reason"))
			.contains("no tenant is configured for Gusto Company 00000000-0000-0000-0000-00000000dead");
	}

	@Test
	void unsignedTamperedAndWrongKeyDeliveriesAreRefusedAuditedAndNotStored() {
		String uuid = UUID.randomUUID().toString();
		byte[] body = gustoEvent(uuid, "payroll.processed", ACME_COMPANY, "p-1");
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("p-1", "p-2")
			.getBytes(StandardCharsets.UTF_8);
		this.web.post()
			.uri("/webhooks/gusto")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("signature_missing");
		postGusto(tampered, GustoWebhookSignature.sign(body, GUSTO_TOKEN)).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("signature_mismatch");
		postGusto(body, GustoWebhookSignature.sign(body, new Secret("someone-elses-token"))).expectStatus()
			.isUnauthorized();
		assertThat(countOf(uuid)).isZero();
		List<Map<String, Object>> audits = this.jdbc.sql(
				"SELECT actor, detail FROM audit_event WHERE action = 'webhook.rejected' AND subject = 'webhook:gusto/webhooks/gusto' ORDER BY id DESC LIMIT 3")
			.query()
			.listOfRows();
		assertThat(audits).hasSize(3)
			.allSatisfy((audit) -> assertThat((String) audit.get("actor")).startsWith("remote:"));
		assertThat(audits)
			.anySatisfy((audit) -> assertThat((String) audit.get("detail")).contains("signature_missing"));
	}

	@Test
	void aVerificationTokenGustoDoesNotConfirmIsRefusedAndNeverStoredAsAnEvent() {
		// acme's Gusto (localhost:1) cannot confirm the token: the connector refuses it
		// (the handshake is expected, as after the subscription command)
		this.jdbc
			.sql("INSERT INTO gusto_webhook_handshake (tenant, application, url, requested_at, expires_at) "
					+ "VALUES ('acme', 'http://localhost:1|acme', 'http://localhost/webhooks/gusto', UTC_TIMESTAMP(6), "
					+ "UTC_TIMESTAMP(6) + INTERVAL 5 MINUTE)")
			.update();
		this.web.post()
			.uri("/webhooks/gusto")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"verification_token\": \"6590f590-3dba-495e-9bea-c361e1e2efc0\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(401)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("verification_token_refused");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE payload LIKE '%verification_token%'")
			.query(Long.class)
			.single()).isZero();
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake").update();
	}

	@Test
	void anAcknowledgedEventIsAlreadyCommittedForEveryOtherDatabaseSession(@Autowired DataSourceProperties database)
			throws Exception {
		String uuid = UUID.randomUUID().toString();
		byte[] body = gustoEvent(uuid, "payroll.processed", ACME_COMPANY, "p-durable");
		postGusto(body, GustoWebhookSignature.sign(body, GUSTO_TOKEN)).expectStatus().isOk();
		// a connection of its own, as a restarted service would have: the 200 came after
		// the commit
		try (Connection connection = DriverManager.getConnection(database.getUrl(), database.getUsername(),
				database.getPassword());
				PreparedStatement query = connection
					.prepareStatement("SELECT status FROM inbox_event WHERE event_uuid = ?")) {
			query.setString(1, uuid);
			try (ResultSet rows = query.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("RECEIVED");
			}
		}
	}

	@Test
	void malformedJsonIsRefusedWithFourHundredAndNothingStored() {
		byte[] body = "{\"uuid\": \"x\", ".getBytes(StandardCharsets.UTF_8);
		postGusto(body, GustoWebhookSignature.sign(body, GUSTO_TOKEN)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("malformed_event");
		byte[] noType = "{\"uuid\": \"x\"}".getBytes(StandardCharsets.UTF_8);
		postGusto(noType, GustoWebhookSignature.sign(noType, GUSTO_TOKEN)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("the event has no event_type");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox_event").query(Long.class).single()).isZero();
	}

	@Test
	void aBodyOverOneMebibyteIsRefusedWith413() {
		byte[] body = new byte[1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');
		postGusto(body, GustoWebhookSignature.sign(body, GUSTO_TOKEN)).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("body_too_large");
	}

	@Test
	void aWrongContentTypeIsRefusedWith415() {
		this.web.post()
			.uri("/webhooks/gusto")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unsupported_media_type");
	}

	@Test
	void aSignedSlashCommandIsStoredAndAcknowledgedEphemerally() {
		String trigger = "trigger-" + UUID.randomUUID();
		String form = "team_id=T0ACME001&user_id=U1&command=%2Fapprove-invoice&text=INV-42&trigger_id=" + trigger
				+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fx";
		postSlack("/slack/commands", MediaType.APPLICATION_FORM_URLENCODED, form, Instant.now()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.response_type")
			.isEqualTo("ephemeral");
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM inbox_event WHERE event_uuid = ?")
			.param("command:" + trigger)
			.query()
			.singleRow();
		assertThat(row).containsEntry("source", "SLACK")
			.containsEntry("tenant", "acme")
			.containsEntry("event_type", "slash_command")
			.containsEntry("entity_id", "/approve-invoice")
			.containsEntry("status", "RECEIVED");
	}

	@Test
	void aSlackRequestOlderThanFiveMinutesIsRefused() {
		String form = "team_id=T0ACME001&command=%2Fapprove-invoice&text=1&trigger_id=t-old";
		postSlack("/slack/commands", MediaType.APPLICATION_FORM_URLENCODED, form, Instant.now().minusSeconds(301))
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("timestamp_out_of_window");
	}

	@Test
	void aSlackTimestampTooLargeForTheClockIsRefusedWith401() {
		String form = "team_id=T0ACME001&command=%2Fapprove-invoice&text=1&trigger_id=t-huge";
		byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
		String timestamp = String.valueOf(Long.MAX_VALUE);
		this.web.post()
			.uri("/slack/commands")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(SlackRequestSignature.TIMESTAMP_HEADER, timestamp)
			.header(SlackRequestSignature.SIGNATURE_HEADER, SlackRequestSignature.sign(timestamp, bytes, SLACK_SECRET))
			.bodyValue(bytes)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("timestamp_out_of_window");
	}

	@Test
	void urlVerificationIsAnsweredWithItsChallenge() {
		postSlack("/slack/events", MediaType.APPLICATION_JSON,
				"{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
				Instant.now())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.challenge")
			.isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
	}

	@Test
	void slackEventRetriesAreStoredOnce() {
		String eventId = "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		String body = "{\"type\":\"event_callback\",\"team_id\":\"T0ACME001\",\"event_id\":\"" + eventId
				+ "\",\"event\":{\"type\":\"app_mention\",\"text\":\"hi\"}}";
		postSlack("/slack/events", MediaType.APPLICATION_JSON, body, Instant.now()).expectStatus().isOk();
		postSlack("/slack/events", MediaType.APPLICATION_JSON, body, Instant.now()).expectStatus().isOk();
		assertThat(countOf(eventId)).isEqualTo(1);
	}

	@Test
	void aSlackRequestSignedWithAnotherSecretIsRefused() {
		String body = "team_id=T0ACME001&command=%2Fapprove-invoice&text=1&trigger_id=t-wrong";
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		this.web.post()
			.uri("/slack/commands")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(SlackRequestSignature.TIMESTAMP_HEADER, timestamp)
			.header(SlackRequestSignature.SIGNATURE_HEADER,
					SlackRequestSignature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8), new Secret("wrong")))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("signature_mismatch");
	}

	private WebTestClient.ResponseSpec postGusto(byte[] body, String signature) {
		return this.web.post()
			.uri("/webhooks/gusto")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Gusto-Signature", signature)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec postSlack(String path, MediaType type, String body, Instant at) {
		String timestamp = String.valueOf(at.getEpochSecond());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.web.post()
			.uri(path)
			.contentType(type)
			.header(SlackRequestSignature.TIMESTAMP_HEADER, timestamp)
			.header(SlackRequestSignature.SIGNATURE_HEADER, SlackRequestSignature.sign(timestamp, bytes, SLACK_SECRET))
			.bodyValue(bytes)
			.exchange();
	}

	private long countOf(String uuid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE event_uuid = ?")
			.param(uuid)
			.query(Long.class)
			.single();
	}

	static byte[] gustoEvent(String uuid, String type, String company, String entity) {
		String entityType = type.startsWith("payroll") ? "Payroll" : "Employee";
		return ("{\"uuid\":\"" + uuid + "\",\"event_type\":\"" + type + "\",\"resource_type\":\"Company\","
				+ "\"resource_uuid\":\"" + company + "\",\"entity_type\":\"" + entityType + "\",\"entity_uuid\":\""
				+ entity + "\",\"timestamp\":1671058841}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
