package io.mlconnector.sandbox.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's one workspace: tokens, channels, users, every message (channel, ts,
 * thread, blocks, metadata), response URLs, rate limits and injected faults. The Web API
 * semantics follow the Slack reference (§10): HTTP 200 with {@code ok:false} for API
 * errors, 429 with {@code Retry-After} only for rate limits.
 */
final class SlackWorkspace {

	private static final Logger logger = LoggerFactory.getLogger(SlackWorkspace.class);

	static final String BOT_USER = "UBOTSANDBX";

	static final String BOT_ID = "BSANDBOX01";

	static final String APP_ID = "ASANDBOX01";

	static final Set<String> BOT_SCOPES = Set.of("chat:write", "users:read", "channels:read");

	private final Clock clock;

	private final JsonMapper json;

	private final SlackSandboxProperties properties;

	final Map<String, TokenInfo> tokens = new HashMap<>();

	final Map<String, Channel> channels = new LinkedHashMap<>();

	final Map<String, User> users = new LinkedHashMap<>();

	/** Every message in the order it was posted, top-level and replies. */
	final List<StoredMessage> messages = new ArrayList<>();

	final Map<String, ResponseUrl> responseUrls = new HashMap<>();

	final List<Map<String, Object>> responses = new ArrayList<>();

	final Map<String, Long> requests = new LinkedHashMap<>();

	final Map<String, Long> rateLimited = new LinkedHashMap<>();

	private final Deque<Fault> faults = new ArrayDeque<>();

	private final Map<String, Bucket> channelBuckets = new HashMap<>();

	private final Map<String, Deque<Instant>> windows = new HashMap<>();

	Settings settings;

	private long lastTsMicros;

	SlackWorkspace(Clock clock, JsonMapper json, SlackSandboxProperties properties) {
		this.clock = clock;
		this.json = json;
		this.properties = properties;
		reset();
	}

	synchronized void reset() {
		this.tokens.clear();
		this.tokens.put(this.properties.botToken(), new TokenInfo(BOT_SCOPES, false));
		this.channels.clear();
		for (String[] seed : new String[][] { { "CINVOICES1", "supplier-invoices" },
				{ "CPURCHASE1", "purchase-orders" }, { "CPAYMENTS1", "payment-proposals" },
				{ "CVOUCHERS1", "gl-vouchers" }, { "CRECONCIL1", "reconciliation" }, { "CALERTS001", "alerts" },
				{ "CGENERAL01", "general" } }) {
			this.channels.put(seed[0], new Channel(seed[0], seed[1], true, false));
		}
		this.channels.put("COUTSIDE01", new Channel("COUTSIDE01", "bot-not-invited", false, false));
		this.channels.put("CARCHIVE01", new Channel("CARCHIVE01", "old-archived", true, true));
		this.users.clear();
		this.users.put("U0SANDBOX1", new User("U0SANDBOX1", "kari", "Kari Nordmann", "Kari"));
		this.users.put("U0SANDBOX2", new User("U0SANDBOX2", "ola", "Ola Hansen", ""));
		this.users.put(BOT_USER, new User(BOT_USER, "ml-connector", "ml-connector", "ml-connector"));
		this.messages.clear();
		this.responseUrls.clear();
		this.responses.clear();
		this.requests.clear();
		this.rateLimited.clear();
		this.faults.clear();
		this.channelBuckets.clear();
		this.windows.clear();
		this.settings = new Settings(this.properties.messagesPerChannel(), this.properties.channelWindow(),
				this.properties.channelBurst(), this.properties.postMessagesPerMinute(),
				this.properties.tier3PerMinute(), this.properties.tier4PerMinute(), this.properties.rateLimitedError());
	}

	synchronized void settings(Settings settings) {
		this.settings = settings;
		this.channelBuckets.clear();
		this.windows.clear();
	}

	synchronized void addFault(Fault fault) {
		this.faults.addLast(fault);
	}

	/**
	 * Serves one Web API call.
	 * @param method the method name
	 * @param token the token (header or parameter), or {@code null}
	 * @param args the arguments; {@code blocks} and {@code metadata} as JSON
	 * @return the answer
	 */
	synchronized Answer call(String method, String token, Map<String, JsonNode> args) {
		this.requests.merge(method, 1L, Long::sum);
		if (token == null) {
			return error("not_authed");
		}
		TokenInfo info = this.tokens.get(token);
		if (info == null) {
			return error("invalid_auth");
		}
		if (info.revoked()) {
			return error("token_revoked");
		}
		Fault fault = fault(method);
		if (fault != null) {
			if (fault.retryAfterSeconds() != null) {
				return limited(method, Duration.ofSeconds(fault.retryAfterSeconds()));
			}
			return error(fault.error());
		}
		Duration wait = admit(method, text(args, "channel"));
		if (wait != null) {
			return limited(method, wait);
		}
		return switch (method) {
			case "auth.test" -> authTest();
			case "chat.postMessage" -> require(info, "chat:write", () -> postMessage(info, args));
			case "chat.update" -> require(info, "chat:write", () -> update(args));
			case "conversations.info" -> require(info, "channels:read", () -> conversationsInfo(args));
			case "users.info" -> require(info, "users:read", () -> usersInfo(args));
			default -> new Answer(404, null, obj(Map.of("ok", false, "error", "unknown_method")));
		};
	}

	private Fault fault(String method) {
		Fault head = this.faults.peekFirst();
		if (head == null || !(head.method() == null || head.method().equals(method))) {
			return null;
		}
		this.faults.removeFirst();
		if (head.count() > 1) {
			this.faults.addFirst(new Fault(head.method(), head.error(), head.retryAfterSeconds(), head.count() - 1));
		}
		return head;
	}

	private Answer require(TokenInfo info, String scope, java.util.function.Supplier<Answer> then) {
		if (!info.scopes().contains(scope)) {
			ObjectNode body = obj(Map.of("ok", false, "error", "missing_scope", "needed", scope, "provided",
					String.join(",", info.scopes())));
			return new Answer(200, null, body);
		}
		return then.get();
	}

	/**
	 * The rate limits: per channel and workspace for {@code chat.postMessage}, per tier
	 * for the others.
	 * @return how long to wait, or {@code null} when admitted
	 */
	private Duration admit(String method, String channel) {
		Settings limits = this.settings;
		Instant now = this.clock.instant();
		if ("chat.postMessage".equals(method)) {
			if (channel != null && limits.messagesPerChannel() > 0) {
				Bucket bucket = this.channelBuckets.computeIfAbsent(channel,
						(key) -> new Bucket(limits.channelBurst(), now));
				Duration wait = bucket.take(now, limits.channelWindow().toNanos() / limits.messagesPerChannel(),
						limits.channelBurst());
				if (wait != null) {
					return wait;
				}
			}
			return window("chat.postMessage", limits.postMessagesPerMinute(), now);
		}
		int perMinute = switch (method) {
			case "chat.update", "conversations.info" -> limits.tier3PerMinute();
			default -> limits.tier4PerMinute();
		};
		return window(method, perMinute, now);
	}

	private Duration window(String key, int perMinute, Instant now) {
		if (perMinute <= 0) {
			return null;
		}
		Deque<Instant> window = this.windows.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		Instant start = now.minus(Duration.ofMinutes(1));
		while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
			window.removeFirst();
		}
		if (window.size() >= perMinute) {
			return Duration.between(start, window.peekFirst());
		}
		window.addLast(now);
		return null;
	}

	private Answer limited(String method, Duration wait) {
		this.rateLimited.merge(method, 1L, Long::sum);
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return new Answer(429, seconds, obj(Map.of("ok", false, "error", this.settings.rateLimitedError())));
	}

	private Answer authTest() {
		return ok(Map.of("url", "https://sandbox.slack.invalid/", "team", this.properties.teamName(), "user",
				"ml-connector", "team_id", this.properties.teamId(), "user_id", BOT_USER, "bot_id", BOT_ID,
				"is_enterprise_install", false));
	}

	private Answer postMessage(TokenInfo info, Map<String, JsonNode> args) {
		String channelId = text(args, "channel");
		Channel channel = (channelId != null) ? this.channels.get(channelId) : null;
		if (channel == null) {
			return error("channel_not_found");
		}
		if (channel.archived()) {
			return error("is_archived");
		}
		if (!channel.member() && !info.scopes().contains("chat:write.public")) {
			return error("not_in_channel");
		}
		Answer content = content(args, true);
		if (content != null) {
			return content;
		}
		String threadTs = text(args, "thread_ts");
		if (threadTs != null) {
			StoredMessage parent = find(channelId, threadTs);
			if (parent == null) {
				// Slack's behaviour for an unknown thread_ts is not documented: refused
				// here
				return error("thread_not_found");
			}
			if (parent.threadTs() != null && !parent.threadTs().equals(parent.ts())) {
				// "avoid using a reply's ts value; use its parent instead" [DOC]
				threadTs = parent.threadTs();
			}
			parent.replies++;
		}
		StoredMessage message = new StoredMessage(channelId, nextTs(), threadTs, BOT_USER, BOT_ID, text(args, "text"),
				args.get("blocks"), args.get("metadata"));
		this.messages.add(message);
		return ok(Map.of("channel", channelId, "ts", message.ts(), "message", message.view(this.json)));
	}

	private Answer update(Map<String, JsonNode> args) {
		String channelId = text(args, "channel");
		if (channelId == null || !this.channels.containsKey(channelId)) {
			return error("channel_not_found");
		}
		StoredMessage message = find(channelId, text(args, "ts"));
		if (message == null || message.deleted) {
			return error("message_not_found");
		}
		if (!BOT_ID.equals(message.botId())) {
			return error("cant_update_message");
		}
		Answer content = content(args, false);
		if (content != null) {
			return content;
		}
		if (args.containsKey("text")) {
			message.text = text(args, "text");
		}
		if (args.containsKey("blocks")) {
			// an empty array removes the blocks; leaving the argument out keeps them
			message.blocks = (args.get("blocks").isEmpty()) ? null : args.get("blocks");
		}
		if (args.containsKey("metadata")) {
			message.metadata = args.get("metadata");
		}
		message.edits++;
		return ok(Map.of("channel", channelId, "ts", message.ts(), "text", (message.text != null) ? message.text : "",
				"message", message.view(this.json)));
	}

	private Answer content(Map<String, JsonNode> args, boolean required) {
		String text = text(args, "text");
		JsonNode blocks = args.get("blocks");
		if (required && (text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())
				&& args.get("attachments") == null) {
			return error("no_text");
		}
		if (text != null && text.length() > 40_000) {
			// ASSUMPTION: Slack truncates beyond 40,000 characters; the sandbox refuses
			return error("msg_too_long");
		}
		if (blocks != null) {
			if ((text == null || text.isEmpty()) && !blocks.isEmpty()) {
				logger.warn("Slack sandbox: a message with blocks but no top-level text (notifications and screen "
						+ "readers have no fallback)");
			}
			String violation = BlockKitRules.violation(blocks);
			if (violation != null) {
				ObjectNode body = obj(Map.of("ok", false, "error", "invalid_arguments"));
				body.putObject("response_metadata").putArray("messages").add("[ERROR] " + violation);
				return new Answer(200, null, body);
			}
		}
		JsonNode metadata = args.get("metadata");
		if (metadata != null
				&& (!metadata.path("event_type").isString() || !metadata.path("event_payload").isObject())) {
			return error("invalid_metadata_format");
		}
		return null;
	}

	private Answer conversationsInfo(Map<String, JsonNode> args) {
		Channel channel = this.channels.get(String.valueOf(text(args, "channel")));
		if (channel == null) {
			return error("channel_not_found");
		}
		return ok(Map.of("channel", Map.of("id", channel.id(), "name", channel.name(), "is_channel", true, "is_member",
				channel.member(), "is_archived", channel.archived())));
	}

	private Answer usersInfo(Map<String, JsonNode> args) {
		User user = this.users.get(String.valueOf(text(args, "user")));
		if (user == null) {
			return error("user_not_found");
		}
		return ok(Map.of("user",
				Map.of("id", user.id(), "team_id", this.properties.teamId(), "name", user.name(), "real_name",
						user.realName(), "is_bot", BOT_USER.equals(user.id()), "deleted", false, "profile",
						Map.of("real_name", user.realName(), "display_name", user.displayName()))));
	}

	/**
	 * A new response URL for a command or a click.
	 * @param base the sandbox's public base URL
	 * @param kind {@code commands} or {@code actions}
	 * @param channel the channel the command or click came from
	 * @param messageTs the message the button was on, or {@code null}
	 * @return the URL
	 */
	synchronized String newResponseUrl(String base, String kind, String channel, String messageTs) {
		String id = UUID.randomUUID().toString().replace("-", "");
		this.responseUrls.put(id, new ResponseUrl(id, channel, messageTs, this.clock.instant()));
		return base + "/sandbox/slack/hooks/" + kind + "/" + this.properties.teamId() + "/" + id;
	}

	/**
	 * A POST to a response URL.
	 * @param id the URL's id
	 * @param body the JSON body
	 * @return status and text, as Slack's hooks answer ({@code ok} or an error word)
	 */
	synchronized Answer respond(String id, JsonNode body) {
		ResponseUrl url = this.responseUrls.get(id);
		Instant now = this.clock.instant();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("url", id);
		record.put("at", now.toString());
		record.put("body", body);
		this.responses.add(record);
		if (url == null) {
			record.put("outcome", "no_such_url");
			return new Answer(404, null, null, "no_such_url");
		}
		if (now.isAfter(url.created().plus(this.properties.responseUrlLifetime()))) {
			record.put("outcome", "expired_url");
			return new Answer(404, null, null, "expired_url");
		}
		if (url.uses >= this.properties.responseUrlUses()) {
			record.put("outcome", "used_url");
			return new Answer(404, null, null, "used_url");
		}
		url.uses++;
		String text = body.path("text").asString(null);
		JsonNode blocks = body.get("blocks");
		if ((text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())
				&& !body.path("delete_original").asBoolean(false)) {
			record.put("outcome", "no_text");
			return new Answer(400, null, null, "no_text");
		}
		// [3P] an omitted response_type is ephemeral
		String type = body.path("response_type").asString("ephemeral");
		StoredMessage original = (url.messageTs() != null) ? find(url.channel(), url.messageTs()) : null;
		if (body.path("delete_original").asBoolean(false) && original != null) {
			original.deleted = true;
			record.put("outcome", "deleted_original");
		}
		else if (body.path("replace_original").asBoolean(false) && original != null) {
			original.text = text;
			original.blocks = (blocks != null && !blocks.isEmpty()) ? blocks : null;
			original.edits++;
			record.put("outcome", "replaced_original");
		}
		else if ("in_channel".equals(type)) {
			StoredMessage message = new StoredMessage(url.channel(), nextTs(), body.path("thread_ts").asString(null),
					BOT_USER, BOT_ID, text, blocks, null);
			this.messages.add(message);
			record.put("outcome", "posted_in_channel");
			record.put("ts", message.ts());
		}
		else {
			record.put("outcome", "ephemeral");
		}
		return new Answer(200, null, null, "ok");
	}

	/**
	 * A message a person posted (the app cannot update it).
	 * @param channel the channel
	 * @param userId the person
	 * @param text the text
	 * @return the message
	 */
	synchronized StoredMessage postAsUser(String channel, String userId, String text) {
		StoredMessage message = new StoredMessage(channel, nextTs(), null, userId, null, text, null, null);
		this.messages.add(message);
		return message;
	}

	synchronized StoredMessage find(String channel, String ts) {
		if (channel == null || ts == null) {
			return null;
		}
		for (StoredMessage message : this.messages) {
			if (message.channel().equals(channel) && message.ts().equals(ts)) {
				return message;
			}
		}
		return null;
	}

	synchronized List<Map<String, Object>> messages(String channel) {
		List<Map<String, Object>> views = new ArrayList<>();
		for (StoredMessage message : this.messages) {
			if (channel == null || message.channel().equals(channel)) {
				Map<String, Object> view = new LinkedHashMap<>(
						this.json.convertValue(message.view(this.json), Map.class));
				view.put("channel", message.channel());
				view.put("edits", message.edits);
				view.put("deleted", message.deleted);
				view.put("replyCount", message.replies);
				views.add(view);
			}
		}
		return views;
	}

	/**
	 * {@code "<epoch seconds>.<6 digits>"}, unique and increasing (ASSUMPTION:
	 * monotonic).
	 */
	private String nextTs() {
		Instant now = this.clock.instant();
		long micros = Math.max(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000, this.lastTsMicros + 1);
		this.lastTsMicros = micros;
		return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
	}

	private Answer ok(Map<String, Object> fields) {
		ObjectNode body = this.json.createObjectNode();
		body.put("ok", true);
		fields.forEach((key, value) -> body.set(key, this.json.valueToTree(value)));
		return new Answer(200, null, body);
	}

	private Answer error(String code) {
		return new Answer(200, null, obj(Map.of("ok", false, "error", code)));
	}

	private ObjectNode obj(Map<String, Object> fields) {
		ObjectNode body = this.json.createObjectNode();
		fields.forEach((key, value) -> body.set(key, this.json.valueToTree(value)));
		return body;
	}

	private static String text(Map<String, JsonNode> args, String name) {
		JsonNode value = args.get(name);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * An answer of the Web API or a response URL.
	 *
	 * @param status the HTTP status
	 * @param retryAfterSeconds {@code Retry-After}, or {@code null}
	 * @param body the JSON body, or {@code null}
	 * @param plain a plain-text body (response URLs answer {@code ok}), or {@code null}
	 */
	record Answer(int status, Long retryAfterSeconds, JsonNode body, String plain) {

		Answer(int status, Long retryAfterSeconds, JsonNode body) {
			this(status, retryAfterSeconds, body, null);
		}

	}

	/**
	 * The rate limits in force.
	 *
	 * @param messagesPerChannel messages per channel window; 0 switches the pace off
	 * @param channelWindow the channel window
	 * @param channelBurst the burst a channel takes
	 * @param postMessagesPerMinute the workspace-wide post limit; 0 off
	 * @param tier3PerMinute Tier 3; 0 off
	 * @param tier4PerMinute Tier 4; 0 off
	 * @param rateLimitedError the error string of a 429
	 */
	record Settings(int messagesPerChannel, Duration channelWindow, int channelBurst, int postMessagesPerMinute,
			int tier3PerMinute, int tier4PerMinute, String rateLimitedError) {

	}

	/**
	 * An injected fault: the next {@code count} calls of {@code method} (any method when
	 * {@code null}) answer {@code ok:false} with {@code error}, or 429 with
	 * {@code Retry-After} when {@code retryAfterSeconds} is set.
	 *
	 * @param method the method, or {@code null}
	 * @param error the error code
	 * @param retryAfterSeconds for a 429, or {@code null}
	 * @param count how many calls it hits
	 */
	record Fault(String method, String error, Long retryAfterSeconds, int count) {

	}

	record TokenInfo(Set<String> scopes, boolean revoked) {

	}

	record Channel(String id, String name, boolean member, boolean archived) {

	}

	record User(String id, String name, String realName, String displayName) {

	}

	static final class ResponseUrl {

		private final String id;

		private final String channel;

		private final String messageTs;

		private final Instant created;

		int uses;

		ResponseUrl(String id, String channel, String messageTs, Instant created) {
			this.id = id;
			this.channel = channel;
			this.messageTs = messageTs;
			this.created = created;
		}

		String id() {
			return this.id;
		}

		String channel() {
			return this.channel;
		}

		String messageTs() {
			return this.messageTs;
		}

		Instant created() {
			return this.created;
		}

	}

	/**
	 * A token bucket: {@code capacity} tokens, one more every {@code nanosPerToken}.
	 */
	static final class Bucket {

		private double tokens;

		private Instant last;

		Bucket(int capacity, Instant now) {
			this.tokens = capacity;
			this.last = now;
		}

		Duration take(Instant now, long nanosPerToken, int capacity) {
			long elapsed = Duration.between(this.last, now).toNanos();
			this.tokens = Math.min(capacity, this.tokens + (double) elapsed / nanosPerToken);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return null;
			}
			return Duration.ofNanos((long) ((1 - this.tokens) * nanosPerToken));
		}

	}

	static final class StoredMessage {

		private final String channel;

		private final String ts;

		private final String threadTs;

		private final String user;

		private final String botId;

		String text;

		JsonNode blocks;

		JsonNode metadata;

		int edits;

		int replies;

		boolean deleted;

		StoredMessage(String channel, String ts, String threadTs, String user, String botId, String text,
				JsonNode blocks, JsonNode metadata) {
			this.channel = channel;
			this.ts = ts;
			this.threadTs = threadTs;
			this.user = user;
			this.botId = botId;
			this.text = text;
			this.blocks = blocks;
			this.metadata = metadata;
		}

		String channel() {
			return this.channel;
		}

		String ts() {
			return this.ts;
		}

		String threadTs() {
			return this.threadTs;
		}

		String botId() {
			return this.botId;
		}

		JsonNode blocks() {
			return this.blocks;
		}

		ObjectNode view(JsonMapper json) {
			ObjectNode view = json.createObjectNode();
			view.put("type", "message");
			view.put("user", this.user);
			if (this.botId != null) {
				view.put("bot_id", this.botId);
				view.put("app_id", APP_ID);
			}
			view.put("text", (this.text != null) ? this.text : "");
			view.put("ts", this.ts);
			if (this.threadTs != null) {
				view.put("thread_ts", this.threadTs);
			}
			if (this.blocks != null) {
				view.set("blocks", this.blocks);
			}
			if (this.metadata != null) {
				view.set("metadata", this.metadata);
			}
			return view;
		}

	}

}
