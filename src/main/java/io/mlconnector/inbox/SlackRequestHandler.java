package io.mlconnector.inbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mlconnector.slack.SlackRequestSignature;
import io.mlconnector.slack.SlackRequestSignature.Verdict;
import io.mlconnector.tenant.SlackConnection;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /slack/commands}, {@code /slack/interactions} and {@code /slack/events}:
 * verifies Slack's v0 signature (within five minutes of the injected clock), answers
 * {@code url_verification} with its challenge, stores everything else and acknowledges
 * well inside Slack's three seconds. What commands and buttons do is decided by the
 * dispatcher's routes.
 */
class SlackRequestHandler {

	private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED;

	private final InboxWriter writer;

	private final InboxRejections rejections;

	private final Tenants tenants;

	private final JsonMapper json;

	private final Clock clock;

	private final InboxProperties properties;

	private final InboxMetrics metrics;

	private final RequestBodies bodies;

	SlackRequestHandler(RequestBodies bodies, InboxWriter writer, InboxRejections rejections, Tenants tenants,
			JsonMapper json, Clock clock, InboxProperties properties, InboxMetrics metrics) {
		this.bodies = bodies;
		this.writer = writer;
		this.rejections = rejections;
		this.tenants = tenants;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.metrics = metrics;
	}

	Mono<ServerResponse> commands(ServerRequest request) {
		return receive(request, FORM, (body, tenant, received) -> {
			Map<String, String> form = form(body);
			String command = required(form, "command");
			String uuid = "command:" + form.getOrDefault("trigger_id", digest(body));
			InboxEntry entry = entry(uuid, "slash_command", "SlashCommand", command, received, FORM, body, tenant,
					required(form, "team_id"));
			return store(entry).then(ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("response_type", "ephemeral", "text",
						"Received " + command + " " + form.getOrDefault("text", "") + "; the answer follows here.")));
		});
	}

	Mono<ServerResponse> interactions(ServerRequest request) {
		return receive(request, FORM, (body, tenant, received) -> {
			JsonNode payload = parse(required(form(body), "payload"));
			String type = text(payload, "type");
			if (type == null) {
				throw malformed("the interaction payload has no type");
			}
			String trigger = text(payload, "trigger_id");
			String uuid = "interaction:" + ((trigger != null) ? trigger : digest(body));
			InboxEntry entry = entry(uuid, type, "Interaction", null, received, FORM, body, tenant,
					text(payload.path("team"), "id"));
			return store(entry).then(ServerResponse.ok().build());
		});
	}

	Mono<ServerResponse> events(ServerRequest request) {
		return receive(request, MediaType.APPLICATION_JSON, (body, tenant, received) -> {
			JsonNode event = parse(new String(body, StandardCharsets.UTF_8));
			String type = text(event, "type");
			if ("url_verification".equals(type)) {
				String challenge = text(event, "challenge");
				if (challenge == null) {
					throw malformed("url_verification without a challenge");
				}
				return ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("challenge", challenge));
			}
			String eventId = text(event, "event_id");
			if (!"event_callback".equals(type) || eventId == null) {
				throw malformed("expected an event_callback with an event_id");
			}
			String eventType = Optional.ofNullable(text(event.path("event"), "type")).orElse("unknown");
			// Slack retries (X-Slack-Retry-Num) carry the same event_id: stored once
			InboxEntry entry = entry(eventId, "event:" + eventType, "SlackEvent", null, received,
					MediaType.APPLICATION_JSON, body, tenant, text(event, "team_id"));
			return store(entry).then(ServerResponse.ok().build());
		});
	}

	private Mono<ServerResponse> receive(ServerRequest request, MediaType contentType, Handling handling) {
		Instant received = this.clock.instant();
		return Mono.fromRunnable(() -> RequestBodies.requireContentType(request, contentType))
			.then(this.bodies.read(request))
			.flatMap((body) -> {
				List<Tenant> signedBy = verify(request, body, received);
				return handling.handle(body, signedBy, received);
			})
			.onErrorResume(InboxRequestException.class,
					(ex) -> this.rejections.reject(InboxSource.SLACK, request, ex, received))
			.onErrorResume(InboxBusyException.class, (ex) -> InboxResponses.busy(InboxSource.SLACK, this.metrics));
	}

	/**
	 * Tries the signing secret of every tenant with Slack; several tenants may share one
	 * Slack app (and so one secret).
	 * @return the tenants whose signing secret signed the request
	 */
	private List<Tenant> verify(ServerRequest request, byte[] body, Instant now) {
		String timestamp = request.headers().firstHeader(SlackRequestSignature.TIMESTAMP_HEADER);
		String signature = request.headers().firstHeader(SlackRequestSignature.SIGNATURE_HEADER);
		if (timestamp == null || signature == null) {
			throw new InboxRequestException(HttpStatus.UNAUTHORIZED, "signature_missing",
					"X-Slack-Signature or X-Slack-Request-Timestamp is missing");
		}
		Verdict last = Verdict.MISMATCH;
		List<Tenant> signers = new java.util.ArrayList<>();
		for (Tenant tenant : this.tenants.all()) {
			Optional<SlackConnection> slack = tenant.slack();
			if (slack.isEmpty()) {
				continue;
			}
			Verdict verdict = SlackRequestSignature.verify(timestamp, signature, body, slack.get().signingSecret(),
					now);
			if (verdict == Verdict.VALID) {
				signers.add(tenant);
			}
			else if (verdict == Verdict.STALE) {
				last = verdict;
			}
		}
		if (signers.isEmpty()) {
			throw (last == Verdict.STALE)
					? new InboxRequestException(HttpStatus.UNAUTHORIZED, "timestamp_out_of_window",
							"X-Slack-Request-Timestamp is more than 5 minutes from now")
					: new InboxRequestException(HttpStatus.UNAUTHORIZED, "signature_mismatch",
							"X-Slack-Signature does not match any configured signing secret");
		}
		return signers;
	}

	private Mono<InboxWriter.StoreResult> store(InboxEntry entry) {
		return this.writer.store(entry)
			.doOnNext((result) -> this.metrics.received(InboxSource.SLACK, entry.eventType(), result,
					entry.receivedAt()));
	}

	private InboxEntry entry(String uuid, String type, String entityType, String entityId, Instant received,
			MediaType contentType, byte[] body, List<Tenant> signers, String teamId) {
		Tenant tenant = signers.stream()
			.filter((candidate) -> candidate.slack().map((s) -> s.teamId().equals(teamId)).orElse(false))
			.findFirst()
			.orElse(null);
		InboxStatus status = InboxStatus.RECEIVED;
		String reason = null;
		if (tenant == null) {
			status = InboxStatus.IGNORED;
			reason = "no tenant is configured for Slack workspace " + teamId
					+ "; add it as mlc.tenants.<id>.slack.team-id and replay the event";
		}
		else if (!tenant.enabled()) {
			status = InboxStatus.IGNORED;
			reason = "tenant " + tenant.id() + " is disabled";
		}
		return new InboxEntry(InboxSource.SLACK, (tenant != null) ? tenant.id() : null, uuid, type, entityType,
				entityId, received, received, contentType.toString(), new String(body, StandardCharsets.UTF_8), status,
				reason);
	}

	private JsonNode parse(String body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw malformed("the body is not a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw malformed("the body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static Map<String, String> form(byte[] body) {
		Map<String, String> form = new LinkedHashMap<>();
		String text = new String(body, StandardCharsets.US_ASCII);
		if (text.isBlank()) {
			throw malformed("the form is empty");
		}
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			try {
				String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair,
						StandardCharsets.UTF_8);
				String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)
						: "";
				form.putIfAbsent(name, value);
			}
			catch (IllegalArgumentException ex) {
				throw malformed("the form is not valid application/x-www-form-urlencoded: " + ex.getMessage());
			}
		}
		return form;
	}

	private static String required(Map<String, String> form, String field) {
		String value = form.get(field);
		if (value == null || value.isBlank()) {
			throw malformed("the form has no " + field);
		}
		return value;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	private static String digest(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InboxRequestException malformed(String message) {
		return new InboxRequestException(HttpStatus.BAD_REQUEST, "malformed_request", message);
	}

	@FunctionalInterface
	private interface Handling {

		Mono<ServerResponse> handle(byte[] body, List<Tenant> signers, Instant received);

	}

}
