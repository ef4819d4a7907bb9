package io.mlconnector.slack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackClientIntegrationTests extends SlackSandboxTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	@SuppressWarnings("unchecked")
	void aNotificationIsPostedWithItsBlocksFallbackTextAndMetadataAndReadsBackAsPosted() {
		SlackMetadata metadata = new SlackMetadata("supplier_invoice",
				Map.of("company", "10", "invoice_id", 4711, "objstate", "AwaitAuth"));
		PostedMessage posted = client().post(invoiceNotification("4711").toMessage(CHANNEL, "inv_10_4711", 1, metadata))
			.block();
		assertThat(posted.channel()).isEqualTo(CHANNEL);
		assertThat(posted.ts()).matches("\\d{10}\\.\\d{6}");
		Map<String, Object> stored = message(CHANNEL, posted.ts());
		assertThat(stored.get("text")).isEqualTo("Supplier invoice 4711 awaits authorization | Supplier: Acme "
				+ "Supplies | Amount: 1,250.00 USD | Due: 2026-12-31");
		assertThat(stored).containsEntry("bot_id", "BSANDBOX01").doesNotContainKey("thread_ts");
		List<Map<String, Object>> blocks = (List<Map<String, Object>>) stored.get("blocks");
		assertThat(blocks).extracting((block) -> block.get("type"))
			.containsExactly("header", "section", "context", "actions");
		assertThat(blocks).extracting((block) -> block.get("block_id"))
			.containsExactly("hdr_inv_10_4711_v1", "fld0_inv_10_4711_v1", "ctx_inv_10_4711_v1", "act_inv_10_4711_v1");
		List<Map<String, Object>> buttons = (List<Map<String, Object>>) blocks.get(3).get("elements");
		assertThat(buttons).extracting((button) -> button.get("action_id"))
			.containsExactly("approve_invoice", "reject_invoice");
		assertThat(buttons.get(0)).containsEntry("value", "4711").containsEntry("style", "primary");
		// the metadata round trip: what was posted is what Slack keeps and gives back
		assertThat(stored.get("metadata")).isEqualTo(Map.of("event_type", "supplier_invoice", "event_payload",
				Map.of("company", "10", "invoice_id", 4711, "objstate", "AwaitAuth")));
	}

	@Test
	void aReplyIsPostedInTheThreadOfItsParent() {
		PostedMessage parent = client().post(SlackMessage.text(CHANNEL, "Invoice 4711 awaits authorization")).block();
		PostedMessage reply = client()
			.post(SlackMessage.text(CHANNEL, "Invoice 4711 was authorized by Kari").inThread(parent.ts()))
			.block();
		assertThat(reply.threadTs()).isEqualTo(parent.ts());
		assertThat(reply.ts()).isNotEqualTo(parent.ts());
		assertThat(message(CHANNEL, reply.ts())).containsEntry("thread_ts", parent.ts());
		assertThat(message(CHANNEL, parent.ts())).containsEntry("replyCount", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anUpdateReplacesTextAndBlocksLeavingOutBlocksKeepsThemAndAnEmptyListRemovesThem() {
		SlackNotification notification = invoiceNotification("4712");
		PostedMessage posted = client().post(notification.toMessage(CHANNEL, "inv_10_4712", 1, null)).block();
		SlackNotification authorized = new SlackNotification("Supplier invoice 4712 authorized", notification.fields(),
				List.of("authorized by Kari"), List.of());
		PostedMessage updated = client()
			.update(posted, authorized.toMessage(CHANNEL, "inv_10_4712", 2,
					new SlackMetadata("supplier_invoice", Map.of("invoice_id", 4712, "objstate", "Authorized"))))
			.block();
		assertThat(updated).isEqualTo(posted);
		Map<String, Object> stored = message(CHANNEL, posted.ts());
		assertThat(stored).containsEntry("edits", 1);
		assertThat((String) stored.get("text")).startsWith("Supplier invoice 4712 authorized");
		assertThat((List<Map<String, Object>>) stored.get("blocks")).extracting((block) -> block.get("block_id"))
			.containsExactly("hdr_inv_10_4712_v2", "fld0_inv_10_4712_v2", "ctx_inv_10_4712_v2");
		assertThat((Map<String, Object>) stored.get("metadata")).containsEntry("event_payload",
				Map.of("invoice_id", 4712, "objstate", "Authorized"));
		client().update(posted, SlackMessage.text(CHANNEL, "text only")).block();
		assertThat(message(CHANNEL, posted.ts())).containsEntry("text", "text only").containsKey("blocks");
		client().update(posted, new SlackMessage(CHANNEL, "no blocks", List.of(), null, null)).block();
		assertThat(message(CHANNEL, posted.ts())).containsEntry("text", "no blocks").doesNotContainKey("blocks");
	}

	@Test
	void eachConfigurationErrorFailsWithWhatToFixAndIsNotRetried() {
		assertFails(SlackMessage.text("CNOSUCH001", "x"), "channel_not_found", SlackErrorKind.CONFIGURATION,
				"check the channel id in mlc.tenants.demo.slack.channels");
		assertFails(SlackMessage.text("COUTSIDE01", "x"), "not_in_channel", SlackErrorKind.CONFIGURATION,
				"invite the ml-connector app to the channel");
		assertFails(SlackMessage.text("CARCHIVE01", "x"), "is_archived", SlackErrorKind.CONFIGURATION,
				"unarchive the channel");
		admin("/_admin/tokens", Map.of("token", "sandbox-bot-token", "scopes", List.of("users:read")));
		assertFails(SlackMessage.text(CHANNEL, "x"), "missing_scope", SlackErrorKind.CONFIGURATION,
				"add the missing scope");
		assertThat(requests("chat.postMessage")).isEqualTo(4);
	}

	@Test
	void contentErrorsFailWithWhatToFixAndAreNotRetried() {
		assertFails(SlackMessage.text(CHANNEL, "x".repeat(40_001)), "msg_too_long", SlackErrorKind.CONTENT,
				"shorten it");
		List<LayoutBlock> tooMany = new ArrayList<>(Collections.nCopies(51, DividerBlock.builder().build()));
		assertFails(new SlackMessage(CHANNEL, "fallback", tooMany, null, null), "invalid_arguments",
				SlackErrorKind.CONTENT, "50 blocks");
		assertThat(requests("chat.postMessage")).isEqualTo(2);
	}

	@Test
	void updateErrorsAreTyped() {
		String byPerson = (String) admin("/_admin/messages/by-user", Map.of("channel", CHANNEL, "text", "hi"))
			.get("ts");
		assertThatThrownBy(
				() -> client().update(new PostedMessage(CHANNEL, byPerson, null), SlackMessage.text(CHANNEL, "changed"))
					.block())
			.isInstanceOfSatisfying(SlackApiException.class, (ex) -> {
				assertThat(ex.error()).isEqualTo("cant_update_message");
				assertThat(ex.kind()).isEqualTo(SlackErrorKind.UPDATE);
			});
		assertThatThrownBy(() -> client()
			.update(new PostedMessage(CHANNEL, "1500000000.000001", null), SlackMessage.text(CHANNEL, "changed"))
			.block()).isInstanceOfSatisfying(SlackApiException.class, (ex) -> {
				assertThat(ex.error()).isEqualTo("message_not_found");
				assertThat(ex.getMessage()).contains("post a new one");
			});
		PostedMessage posted = client().post(SlackMessage.text(CHANNEL, "to edit")).block();
		admin("/_admin/faults", Map.of("method", "chat.update", "error", "edit_window_closed"));
		assertThatThrownBy(() -> client().update(posted, SlackMessage.text(CHANNEL, "late")).block())
			.isInstanceOfSatisfying(SlackApiException.class,
					(ex) -> assertThat(ex.error()).isEqualTo("edit_window_closed"));
	}

	@Test
	void aRevokedBotTokenIsRefusedOnceRecordedAndNotSentAgain() {
		client().authTest().block();
		admin("/_admin/tokens", Map.of("token", "sandbox-bot-token", "revoked", true));
		assertFails(SlackMessage.text(CHANNEL, "x"), "token_revoked", SlackErrorKind.CREDENTIALS,
				"reinstall the Slack app and set the new bot token (xoxb-...) as mlc.tenants.demo.slack.bot-token");
		assertThat(this.jdbc.sql("SELECT status FROM oauth_token WHERE tenant = 'demo' AND provider = 'SLACK'")
			.query(String.class)
			.single()).isEqualTo("RECONNECT_REQUIRED");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'slack.token.refused' AND tenant = "
					+ "'demo' AND outcome = 'FAILURE'")
			.query(Long.class)
			.single()).isEqualTo(1);
		long sent = requests("chat.postMessage");
		assertThatThrownBy(() -> client().post(SlackMessage.text(CHANNEL, "again")).block())
			.isInstanceOfSatisfying(SlackApiException.class, (ex) -> {
				assertThat(ex.error()).isEqualTo("token_revoked");
				assertThat(ex.getMessage()).contains("it is not sent again");
			});
		assertThat(requests("chat.postMessage")).isEqualTo(sent);
	}

	@Test
	void theBotTokenIsStoredEncryptedForTheWorkspace() {
		client().authTest().block();
		Map<String, Object> row = this.jdbc
			.sql("SELECT external_account, access_token_enc, status FROM oauth_token WHERE tenant = 'demo' "
					+ "AND provider = 'SLACK'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("external_account", "TSANDBOX01").containsEntry("status", "ACTIVE");
		assertThat((String) row.get("access_token_enc")).isNotBlank().doesNotContain("sandbox-bot-token");
	}

	@Test
	void a429IsWaitedOutForItsRetryAfterThenTheMessageIsPostedOnce() {
		admin("/_admin/faults", Map.of("method", "chat.postMessage", "retryAfterSeconds", 1));
		long started = System.nanoTime();
		PostedMessage posted = client().post(SlackMessage.text(CHANNEL, "after the 429")).block();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(rateLimited("chat.postMessage")).isEqualTo(1);
		assertThat(requests("chat.postMessage")).isEqualTo(2);
		assertThat(messages(CHANNEL)).singleElement().satisfies((m) -> assertThat(m).containsEntry("ts", posted.ts()));
	}

	@Test
	void aTransientOkFalseErrorIsRetriedAndEitherRateLimitedSpellingIsRetried() {
		admin("/_admin/settings", Map.of("rateLimitedError", "rate_limited"));
		admin("/_admin/faults", Map.of("method", "chat.postMessage", "error", "fatal_error"));
		admin("/_admin/faults", Map.of("method", "chat.postMessage", "error", "rate_limited"));
		PostedMessage posted = client().post(SlackMessage.text(CHANNEL, "third time lucky")).block();
		assertThat(requests("chat.postMessage")).isEqualTo(3);
		assertThat(message(CHANNEL, posted.ts())).containsEntry("text", "third time lucky");
	}

	@Test
	void aBurstOf200MessagesToOneChannelFromConcurrentSendersCausesNo429() {
		List<PostedMessage> posted = Flux.range(1, 200)
			.flatMap((n) -> client().post(SlackMessage.text(CHANNEL, "burst " + n)), 16)
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(posted).hasSize(200);
		assertThat(rateLimitedTotal()).isZero();
		assertThat(requests("chat.postMessage")).isEqualTo(200);
		assertThat(messages(CHANNEL)).hasSize(200);
	}

	@Test
	void messagesPostedOneAfterAnotherArriveInOrderWithIncreasingTsAndNo429() {
		List<String> texts = Flux.range(1, 200).map((n) -> "message " + n).collectList().block();
		List<PostedMessage> posted = Flux.fromIterable(texts)
			.concatMap((text) -> client().post(SlackMessage.text(CHANNEL, text)))
			.collectList()
			.block(Duration.ofMinutes(2));
		List<Map<String, Object>> stored = messages(CHANNEL);
		assertThat(stored).extracting((m) -> m.get("text")).containsExactlyElementsOf(texts);
		assertThat(stored).extracting((m) -> m.get("ts"))
			.containsExactlyElementsOf(posted.stream().map(PostedMessage::ts).toList());
		assertThat(posted.stream().map(PostedMessage::ts).toList()).isSorted();
		assertThat(rateLimitedTotal()).isZero();
	}

	@Test
	void usersInfoNamesWhoActedAndAnUnknownUserIsAConfigurationError() {
		assertThat(client().user("U0SANDBOX1").block().shownName()).isEqualTo("Kari");
		SlackUser ola = client().user("U0SANDBOX2").block();
		assertThat(ola.name()).isEqualTo("ola");
		assertThat(ola.shownName()).isEqualTo("Ola Hansen");
		assertThatThrownBy(() -> client().user("UNOBODY001").block()).isInstanceOfSatisfying(SlackApiException.class,
				(ex) -> assertThat(ex.error()).isEqualTo("user_not_found"));
	}

	@Test
	void conversationsInfoTellsWhetherTheBotIsInTheChannel() {
		assertThat(client().channel("COUTSIDE01").block())
			.isEqualTo(new SlackChannel("COUTSIDE01", "bot-not-invited", false, false));
		assertThat(client().channel("CARCHIVE01").block().archived()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCommandsResponseUrlTakesFiveRepliesAndRefusesTheSixth() {
		Map<String, Object> delivery = admin("/_admin/send/command",
				Map.of("command", "/approve-invoice", "text", "4711", "channel", CHANNEL));
		URI responseUrl = URI.create((String) delivery.get("responseUrl"));
		for (int i = 1; i <= 5; i++) {
			client().respond(responseUrl, SlackReply.ephemeral("reply " + i)).block();
		}
		assertThatThrownBy(() -> client().respond(responseUrl, SlackReply.ephemeral("reply 6")).block())
			.isInstanceOfSatisfying(SlackApiException.class, (ex) -> {
				assertThat(ex.error()).isEqualTo("response_url_refused");
				assertThat(ex.getMessage()).contains("HTTP 404").contains("used_url");
			});
		List<Map<String, Object>> responses = (List<Map<String, Object>>) adminGet("/_admin/responses")
			.get("responses");
		assertThat(responses).extracting((r) -> r.get("outcome"))
			.containsExactly("ephemeral", "ephemeral", "ephemeral", "ephemeral", "ephemeral", "used_url");
		assertThat((Map<String, Object>) responses.get(0).get("body")).containsEntry("response_type", "ephemeral")
			.containsEntry("text", "reply 1");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aButtonsResponseUrlReplacesTheMessageTheButtonWasOn() {
		PostedMessage posted = client().post(invoiceNotification("4713").toMessage(CHANNEL, "inv_10_4713", 1, null))
			.block();
		Map<String, Object> click = admin("/_admin/send/action",
				Map.of("channel", CHANNEL, "ts", posted.ts(), "actionId", "approve_invoice"));
		List<Map<String, Object>> deliveries = (List<Map<String, Object>>) click.get("deliveries");
		URI responseUrl = URI.create((String) deliveries.get(0).get("responseUrl"));
		SlackNotification done = new SlackNotification("Supplier invoice 4713 authorized by Kari", List.of(), List.of(),
				List.of());
		client().respond(responseUrl, SlackReply.replacing(done.fallbackText(), done.blocks("inv_10_4713", 2))).block();
		Map<String, Object> stored = message(CHANNEL, posted.ts());
		assertThat(stored).containsEntry("text", "Supplier invoice 4713 authorized by Kari");
		assertThat((List<Map<String, Object>>) stored.get("blocks")).extracting((block) -> block.get("block_id"))
			.containsExactly("hdr_inv_10_4713_v2");
	}

	@Test
	void everyCallIsMeasuredByMethodAndOutcome() {
		double before = count("chat.postMessage", "ok");
		client().post(SlackMessage.text(CHANNEL, "measured")).block();
		assertThatThrownBy(() -> client().post(SlackMessage.text("CNOSUCH001", "x")).block())
			.isInstanceOf(SlackApiException.class);
		assertThat(count("chat.postMessage", "ok")).isEqualTo(before + 1);
		assertThat(count("chat.postMessage", "channel_not_found")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void theConnectionCheckRunsAuthTestAndSaysWhatIsWrong() {
		this.web.get()
			.uri("/api/v1/tenants/demo/connections")
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connections[?(@.system == 'slack')].status")
			.isEqualTo("UP")
			.jsonPath("$.connections[?(@.system == 'slack')].detail")
			.isEqualTo("auth.test: bot UBOTSANDBX in workspace TSANDBOX01 (Sandbox Workspace)");
		this.web.get()
			.uri("/api/v1/tenants/slackbadtoken/connections")
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connections[?(@.system == 'slack')].status")
			.isEqualTo("DOWN")
			.jsonPath("$.connections[?(@.system == 'slack')].detail")
			.isEqualTo("Slack answered invalid_auth to auth.test for tenant slackbadtoken: the bot token is not "
					+ "usable: reinstall the Slack app and set the new bot token (xoxb-...) as "
					+ "mlc.tenants.slackbadtoken.slack.bot-token");
		this.web.get()
			.uri("/api/v1/tenants/slackother/connections")
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connections[?(@.system == 'slack')].status")
			.isEqualTo("DOWN")
			.jsonPath("$.connections[?(@.system == 'slack')].detail")
			.isEqualTo("the bot token belongs to workspace TSANDBOX01, not TOTHER0001; set the bot token of the app "
					+ "installed in TOTHER0001 as mlc.tenants.slackother.slack.bot-token, or correct team-id");
	}

	private double count(String method, String outcome) {
		io.micrometer.core.instrument.Timer timer = this.meters.find("mlc.slack.requests")
			.tag("method", method)
			.tag("outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private void assertFails(SlackMessage message, String error, SlackErrorKind kind, String fix) {
		assertThatThrownBy(() -> client().post(message).block()).isInstanceOfSatisfying(SlackApiException.class,
				(ex) -> {
					assertThat(ex.error()).isEqualTo(error);
					assertThat(ex.kind()).isEqualTo(kind);
					assertThat(ex.kind().retryable()).isFalse();
					assertThat(ex.tenant()).isEqualTo("demo");
					assertThat(ex.method()).isEqualTo("chat.postMessage");
					assertThat(ex.getMessage())
						.contains("Slack answered " + error + " to chat.postMessage for tenant demo")
						.contains(fix);
				});
	}

}
