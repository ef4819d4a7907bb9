package io.mlconnector.sandbox.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Slack as the sender: slash commands, button clicks ({@code block_actions}) and Events
 * API callbacks to the service, each signed as Slack signs ({@code X-Slack-Signature:
 * v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body))} over the exact bytes sent, with
 * {@code X-Slack-Request-Timestamp}). Each delivery measures the acknowledgement: an
 * answer within three seconds counts. Commands and clicks are not retried (the user sees
 * a timeout [SDK]); events are retried up to three times with {@code X-Slack-Retry-Num}
 * and {@code X-Slack-Retry-Reason} unless the answer carries {@code X-Slack-No-Retry: 1}.
 * Test controls: skew the timestamp, corrupt the signature, send unsigned, click twice.
 */
final class SlackSandboxSender {

	private final WebClient web;

	private final SlackWorkspace workspace;

	private final SlackSandboxProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	final List<Map<String, Object>> deliveries = new CopyOnWriteArrayList<>();

	SlackSandboxSender(WebClient web, SlackWorkspace workspace, SlackSandboxProperties properties, JsonMapper json,
			Clock clock) {
		this.web = web;
		this.workspace = workspace;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * How a request is signed.
	 *
	 * @param skewSeconds added to the timestamp (±301 makes it stale)
	 * @param corruptSignature send a signature that does not match
	 * @param unsigned send no signature headers
	 */
	record Signing(long skewSeconds, boolean corruptSignature, boolean unsigned) {

	}

	Mono<Map<String, Object>> command(String command, String text, String userId, String channelId, Signing signing) {
		SlackWorkspace.User user = this.workspace.users.get(userId);
		SlackWorkspace.Channel channel = this.workspace.channels.get(channelId);
		if (user == null || channel == null) {
			return Mono.error(new IllegalArgumentException("unknown user " + userId + " or channel " + channelId
					+ "; see GET /sandbox/slack/_admin/workspace"));
		}
		String responseUrl = this.workspace.newResponseUrl(base(), "commands", channelId, null);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "legacy-verification-token-do-not-use");
		form.put("team_id", this.properties.teamId());
		form.put("team_domain", "sandbox");
		form.put("channel_id", channelId);
		form.put("channel_name", channel.name());
		form.put("user_id", userId);
		form.put("user_name", user.name());
		form.put("command", command);
		form.put("text", (text != null) ? text : "");
		form.put("api_app_id", SlackWorkspace.APP_ID);
		form.put("is_enterprise_install", "false");
		form.put("response_url", responseUrl);
		form.put("trigger_id", triggerId());
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send("command", "/slack/commands", MediaType.APPLICATION_FORM_URLENCODED, body.toString(), signing, 0,
				null)
			.map((delivery) -> {
				delivery.put("responseUrl", responseUrl);
				return delivery;
			});
	}

	Mono<List<Map<String, Object>>> click(String channelId, String messageTs, String actionId, String userId,
			Signing signing, int times) {
		SlackWorkspace.StoredMessage message = this.workspace.find(channelId, messageTs);
		SlackWorkspace.User user = this.workspace.users.get(userId);
		if (message == null || user == null) {
			return Mono.error(new IllegalArgumentException(
					"no message " + channelId + "/" + messageTs + " or no user " + userId + " in the sandbox"));
		}
		Map<String, Object> action = button(message, actionId);
		if (action == null) {
			return Mono.error(new IllegalArgumentException(
					"message " + channelId + "/" + messageTs + " has no button with action_id " + actionId));
		}
		String responseUrl = this.workspace.newResponseUrl(base(), "actions", channelId, messageTs);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", "block_actions");
		payload.put("team", Map.of("id", this.properties.teamId(), "domain", "sandbox"));
		payload.put("user", Map.of("id", userId, "username", user.name(), "name", user.name(), "team_id",
				this.properties.teamId()));
		payload.put("api_app_id", SlackWorkspace.APP_ID);
		payload.put("token", "legacy-verification-token-do-not-use");
		payload.put("container",
				Map.of("type", "message", "message_ts", messageTs, "channel_id", channelId, "is_ephemeral", false));
		payload.put("trigger_id", triggerId());
		payload.put("channel", Map.of("id", channelId, "name", this.workspace.channels.get(channelId).name()));
		payload.put("message", this.json.convertValue(message.view(this.json), Map.class));
		payload.put("response_url", responseUrl);
		action.put("action_ts", ts());
		payload.put("actions", List.of(action));
		String body = "payload=" + URLEncoder.encode(this.json.writeValueAsString(payload), StandardCharsets.UTF_8);
		// a double click sends the same action twice (Slack gives each its own trigger;
		// the sandbox keeps the body, which is what a re-delivery looks like)
		return Flux.range(1, Math.max(1, times))
			.concatMap((n) -> send("block_actions", "/slack/interactions", MediaType.APPLICATION_FORM_URLENCODED, body,
					signing, 0, null))
			.map((delivery) -> {
				delivery.put("responseUrl", responseUrl);
				return delivery;
			})
			.collectList();
	}

	Mono<List<Map<String, Object>>> event(Map<String, Object> event, Signing signing) {
		Map<String, Object> inner = new LinkedHashMap<>(event);
		inner.putIfAbsent("type", "app_mention");
		inner.putIfAbsent("event_ts", ts());
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("token", "legacy-verification-token-do-not-use");
		envelope.put("team_id", this.properties.teamId());
		envelope.put("api_app_id", SlackWorkspace.APP_ID);
		envelope.put("event", inner);
		envelope.put("type", "event_callback");
		envelope.put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase());
		envelope.put("event_time", this.clock.instant().getEpochSecond());
		envelope.put("authorizations", List.of(Map.of("team_id", this.properties.teamId(), "user_id",
				SlackWorkspace.BOT_USER, "is_bot", true, "is_enterprise_install", false)));
		String body = this.json.writeValueAsString(envelope);
		List<Map<String, Object>> attempts = new ArrayList<>();
		return attempt(body, signing, 0, null, attempts).thenReturn(attempts);
	}

	private Mono<Void> attempt(String body, Signing signing, int retry, String reason,
			List<Map<String, Object>> attempts) {
		return send("event_callback", "/slack/events", MediaType.APPLICATION_JSON, body, signing, retry, reason)
			.flatMap((delivery) -> {
				attempts.add(delivery);
				boolean acknowledged = Boolean.TRUE.equals(delivery.get("withinAck"));
				if (acknowledged || "1".equals(delivery.get("noRetry")) || retry >= 3) {
					return Mono.empty();
				}
				String why = "timeout".equals(delivery.get("outcome")) ? "http_timeout" : "http_error";
				Duration wait = this.properties.eventRetryDelays()
					.get(Math.min(retry, this.properties.eventRetryDelays().size() - 1));
				return Mono.delay(wait).then(Mono.defer(() -> attempt(body, signing, retry + 1, why, attempts)));
			});
	}

	Mono<Map<String, Object>> urlVerification(Signing signing) {
		String challenge = UUID.randomUUID().toString().replace("-", "");
		String body = this.json.writeValueAsString(Map.of("token", "legacy-verification-token-do-not-use", "challenge",
				challenge, "type", "url_verification"));
		return send("url_verification", "/slack/events", MediaType.APPLICATION_JSON, body, signing, 0, null)
			.map((delivery) -> {
				String answer = String.valueOf(delivery.get("body"));
				// any of the three documented forms: plain, form or JSON
				delivery.put("challengeEchoed", answer.equals(challenge) || answer.equals("challenge=" + challenge)
						|| answer.contains("\"challenge\":\"" + challenge + "\""));
				return delivery;
			});
	}

	private Mono<Map<String, Object>> send(String kind, String path, MediaType type, String body, Signing signing,
			int retry, String reason) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String timestamp = String.valueOf(this.clock.instant().getEpochSecond() + signing.skewSeconds());
		String signature = sign(timestamp, bytes);
		if (signing.corruptSignature()) {
			signature = signature.substring(0, signature.length() - 1)
					+ ((signature.charAt(signature.length() - 1) == '0') ? '1' : '0');
		}
		String sent = signature;
		long started = System.nanoTime();
		return this.web.post().uri(base() + path).contentType(type).headers((headers) -> {
			if (!signing.unsigned()) {
				headers.set("X-Slack-Request-Timestamp", timestamp);
				headers.set("X-Slack-Signature", sent);
			}
			if (retry > 0) {
				headers.set("X-Slack-Retry-Num", String.valueOf(retry));
				headers.set("X-Slack-Retry-Reason", reason);
			}
		})
			.bodyValue(bytes)
			.exchangeToMono((response) -> response.bodyToMono(String.class).defaultIfEmpty("").map((text) -> {
				Map<String, Object> delivery = delivery(kind, retry, started);
				int status = response.statusCode().value();
				delivery.put("status", status);
				delivery.put("body", text);
				delivery.put("outcome", (status / 100 == 2) ? "acknowledged" : "refused");
				delivery.put("withinAck", status / 100 == 2
						&& Duration.ofNanos(System.nanoTime() - started).compareTo(this.properties.ackTimeout()) <= 0);
				String noRetry = response.headers().asHttpHeaders().getFirst("X-Slack-No-Retry");
				if (noRetry != null) {
					delivery.put("noRetry", noRetry);
				}
				return delivery;
			}))
			.timeout(this.properties.ackTimeout())
			.onErrorResume(TimeoutException.class, (ex) -> {
				Map<String, Object> delivery = delivery(kind, retry, started);
				delivery.put("outcome", "timeout");
				delivery.put("withinAck", false);
				return Mono.just(delivery);
			})
			.doOnNext(this.deliveries::add);
	}

	private static Map<String, Object> delivery(String kind, int retry, long started) {
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("kind", kind);
		delivery.put("retryNum", retry);
		delivery.put("ackMillis", Duration.ofNanos(System.nanoTime() - started).toMillis());
		return delivery;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> button(SlackWorkspace.StoredMessage message, String actionId) {
		if (message.blocks() == null) {
			return null;
		}
		for (tools.jackson.databind.JsonNode block : message.blocks()) {
			if (!"actions".equals(block.path("type").asString(""))) {
				continue;
			}
			for (tools.jackson.databind.JsonNode element : block.path("elements")) {
				if (actionId.equals(element.path("action_id").asString(null))) {
					Map<String, Object> action = new LinkedHashMap<>(this.json.convertValue(element, Map.class));
					action.put("block_id", block.path("block_id").asString(""));
					return action;
				}
			}
		}
		return null;
	}

	String sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.properties.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return this.properties.serviceUrl().toString().replaceAll("/+$", "");
	}

	private String ts() {
		long millis = this.clock.millis();
		return String.format("%d.%06d", millis / 1000, (millis % 1000) * 1000);
	}

	private static String triggerId() {
		return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L) + "."
				+ Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000L) + "."
				+ UUID.randomUUID().toString().replace("-", "");
	}

}
