package io.mlconnector.slack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox in Slack's sender role: signed slash commands, button clicks and events
 * sent to the service's {@code /slack/*} endpoints over loopback, exactly as Slack sends
 * them, are acknowledged within three seconds and handed to the inbox for the tenant of
 * their workspace; forged, stale and unsigned ones are refused and stored nowhere.
 */
class SlackInboundIntegrationTests extends SlackSandboxTestSupport {

	@Test
	void aSignedSlashCommandIsAcknowledgedWithinThreeSecondsAndStoredForTheTenantOfItsWorkspace() {
		Map<String, Object> delivery = admin("/_admin/send/command",
				Map.of("command", "/approve-invoice", "text", "4711", "user", "U0SANDBOX1", "channel", CHANNEL));
		assertThat(delivery).containsEntry("status", 200).containsEntry("withinAck", true);
		assertThat((String) delivery.get("body")).contains("\"response_type\":\"ephemeral\"")
			.contains("Received /approve-invoice 4711");
		Map<String, Object> row = this.jdbc
			.sql("SELECT tenant, event_type, entity_id, status, payload FROM inbox_event WHERE source = 'SLACK'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("tenant", "demo")
			.containsEntry("event_type", "slash_command")
			.containsEntry("entity_id", "/approve-invoice")
			.containsEntry("status", "RECEIVED");
		assertThat((String) row.get("payload")).contains("team_id=TSANDBOX01")
			.contains("response_url=" + java.net.URLEncoder.encode((String) delivery.get("responseUrl"),
					java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void aCommandWithAForgedSignatureIsRefusedAndNotStored() {
		Map<String, Object> delivery = admin("/_admin/send/command",
				Map.of("command", "/approve-invoice", "text", "4711", "corruptSignature", true));
		assertThat(delivery).containsEntry("status", 401).containsEntry("withinAck", false);
		assertThat((String) delivery.get("body")).contains("signature_mismatch");
		assertThat(slackRows()).isZero();
	}

	@Test
	void staleCommandsAreRefusedEitherSideOfTheFiveMinuteWindow() {
		for (int skew : new int[] { -301, 301 }) {
			Map<String, Object> delivery = admin("/_admin/send/command",
					Map.of("command", "/approve-invoice", "skewSeconds", skew));
			assertThat(delivery).containsEntry("status", 401);
			assertThat((String) delivery.get("body")).contains("timestamp_out_of_window");
		}
		assertThat(slackRows()).isZero();
	}

	@Test
	void anUnsignedCommandIsRefused() {
		Map<String, Object> delivery = admin("/_admin/send/command",
				Map.of("command", "/approve-invoice", "unsigned", true));
		assertThat(delivery).containsEntry("status", 401);
		assertThat((String) delivery.get("body")).contains("signature_missing");
		assertThat(slackRows()).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aClickOnAPostedButtonIsAcknowledgedAndADoubleClickIsStoredOnce() {
		PostedMessage posted = client().post(invoiceNotification("4711").toMessage(CHANNEL, "inv_10_4711", 1, null))
			.block();
		Map<String, Object> click = admin("/_admin/send/action", Map.of("channel", CHANNEL, "ts", posted.ts(),
				"actionId", "approve_invoice", "user", "U0SANDBOX2", "doubleClick", true));
		List<Map<String, Object>> deliveries = (List<Map<String, Object>>) click.get("deliveries");
		assertThat(deliveries).hasSize(2)
			.allSatisfy(
					(delivery) -> assertThat(delivery).containsEntry("status", 200).containsEntry("withinAck", true));
		Map<String, Object> row = this.jdbc
			.sql("SELECT tenant, event_type, status, payload FROM inbox_event WHERE source = 'SLACK'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("tenant", "demo")
			.containsEntry("event_type", "block_actions")
			.containsEntry("status", "RECEIVED");
		String payload = java.net.URLDecoder.decode((String) row.get("payload"),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(payload).contains("\"action_id\":\"approve_invoice\"")
			.contains("\"value\":\"4711\"")
			.contains("\"block_id\":\"act_inv_10_4711_v1\"")
			.contains("\"message_ts\":\"" + posted.ts() + "\"")
			.contains("\"id\":\"U0SANDBOX2\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aClickWithAForgedOrStaleSignatureIsRefused() {
		PostedMessage posted = client().post(invoiceNotification("4714").toMessage(CHANNEL, "inv_10_4714", 1, null))
			.block();
		Map<String, Object> forged = admin("/_admin/send/action",
				Map.of("channel", CHANNEL, "ts", posted.ts(), "actionId", "reject_invoice", "corruptSignature", true));
		Map<String, Object> stale = admin("/_admin/send/action",
				Map.of("channel", CHANNEL, "ts", posted.ts(), "actionId", "reject_invoice", "skewSeconds", -301));
		assertThat((List<Map<String, Object>>) forged.get("deliveries")).singleElement()
			.satisfies((delivery) -> assertThat(delivery).containsEntry("status", 401));
		assertThat((List<Map<String, Object>>) stale.get("deliveries")).singleElement()
			.satisfies((delivery) -> assertThat((String) delivery.get("body")).contains("timestamp_out_of_window"));
		assertThat(slackRows()).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAcknowledgedEventIsNotRetriedAndARefusedOneIsRetriedThreeTimesWithRetryHeaders() {
		Map<String, Object> accepted = admin("/_admin/send/event",
				Map.of("event", Map.of("type", "app_mention", "text", "hello", "user", "U0SANDBOX1")));
		assertThat((List<Map<String, Object>>) accepted.get("attempts")).singleElement()
			.satisfies((attempt) -> assertThat(attempt).containsEntry("status", 200).containsEntry("retryNum", 0));
		assertThat(
				this.jdbc.sql("SELECT event_type FROM inbox_event WHERE source = 'SLACK'").query(String.class).single())
			.isEqualTo("event:app_mention");
		Map<String, Object> refused = admin("/_admin/send/event",
				Map.of("event", Map.of("type", "app_mention"), "corruptSignature", true));
		assertThat((List<Map<String, Object>>) refused.get("attempts")).extracting((attempt) -> attempt.get("retryNum"))
			.containsExactly(0, 1, 2, 3);
		assertThat(slackRows()).isEqualTo(1);
	}

	@Test
	void theUrlVerificationHandshakeEchoesTheChallenge() {
		Map<String, Object> handshake = admin("/_admin/send/event", Map.of("urlVerification", true));
		assertThat(handshake).containsEntry("status", 200).containsEntry("challengeEchoed", true);
	}

	private long slackRows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE source = 'SLACK'").query(Long.class).single();
	}

}
