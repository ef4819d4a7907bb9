package io.mlconnector.sandbox.slack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Test and admin endpoints under {@code /sandbox/slack/_admin}: every stored message,
 * response URL use and delivery; rate-limit settings and statistics; faults; tokens and
 * channels; and Slack's sender role (signed commands, clicks and events to the service).
 */
final class SlackSandboxAdmin {

	private static final String MAP = "a JSON object";

	private final SlackWorkspace workspace;

	private final SlackSandboxSender sender;

	private final SlackSandboxApi api;

	SlackSandboxAdmin(SlackWorkspace workspace, SlackSandboxSender sender, SlackSandboxApi api) {
		this.workspace = workspace;
		this.sender = sender;
		this.api = api;
	}

	SlackSandboxApi api() {
		return this.api;
	}

	Mono<ServerResponse> reset(ServerRequest request) {
		this.workspace.reset();
		this.sender.deliveries.clear();
		return ok(Map.of("reset", true));
	}

	Mono<ServerResponse> workspace(ServerRequest request) {
		synchronized (this.workspace) {
			return ok(Map.of("channels", List.copyOf(this.workspace.channels.values()), "users",
					List.copyOf(this.workspace.users.values()), "settings", this.workspace.settings));
		}
	}

	Mono<ServerResponse> settings(ServerRequest request) {
		return body(request).flatMap((body) -> {
			SlackWorkspace.Settings current = this.workspace.settings;
			SlackWorkspace.Settings next = new SlackWorkspace.Settings(
					integer(body, "messagesPerChannel", current.messagesPerChannel()),
					body.containsKey("channelWindowMillis")
							? Duration.ofMillis(integer(body, "channelWindowMillis", 1000)) : current.channelWindow(),
					integer(body, "channelBurst", current.channelBurst()),
					integer(body, "postMessagesPerMinute", current.postMessagesPerMinute()),
					integer(body, "tier3PerMinute", current.tier3PerMinute()),
					integer(body, "tier4PerMinute", current.tier4PerMinute()),
					(String) body.getOrDefault("rateLimitedError", current.rateLimitedError()));
			if (!"ratelimited".equals(next.rateLimitedError()) && !"rate_limited".equals(next.rateLimitedError())) {
				throw new IllegalArgumentException("rateLimitedError is ratelimited or rate_limited");
			}
			this.workspace.settings(next);
			return ok(Map.of("settings", next));
		}).onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	Mono<ServerResponse> fault(ServerRequest request) {
		return body(request).flatMap((body) -> {
			String error = (String) body.get("error");
			Long retryAfter = body.containsKey("retryAfterSeconds")
					? ((Number) body.get("retryAfterSeconds")).longValue() : null;
			if (error == null && retryAfter == null) {
				throw new IllegalArgumentException("a fault needs an error code or retryAfterSeconds (for a 429)");
			}
			this.workspace.addFault(new SlackWorkspace.Fault((String) body.get("method"), error, retryAfter,
					integer(body, "count", 1)));
			return ok(Map.of("added", body));
		}).onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	@SuppressWarnings("unchecked")
	Mono<ServerResponse> token(ServerRequest request) {
		return body(request).flatMap((body) -> {
			String token = (String) body.get("token");
			if (token == null || token.isBlank()) {
				throw new IllegalArgumentException("token is required");
			}
			synchronized (this.workspace) {
				SlackWorkspace.TokenInfo existing = this.workspace.tokens.get(token);
				List<String> scopes = (List<String>) body.get("scopes");
				SlackWorkspace.TokenInfo info = new SlackWorkspace.TokenInfo(
						(scopes != null) ? new LinkedHashSet<>(scopes)
								: (existing != null) ? existing.scopes() : SlackWorkspace.BOT_SCOPES,
						Boolean.TRUE.equals(body.get("revoked")));
				this.workspace.tokens.put(token, info);
				return ok(Map.of("scopes", info.scopes(), "revoked", info.revoked()));
			}
		}).onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	Mono<ServerResponse> channel(ServerRequest request) {
		return body(request).flatMap((body) -> {
			String id = (String) body.get("id");
			if (id == null || !id.matches("[CG][A-Z0-9]{2,}")) {
				throw new IllegalArgumentException("id is a channel id such as C0123ABCD");
			}
			SlackWorkspace.Channel channel = new SlackWorkspace.Channel(id,
					(String) body.getOrDefault("name", id.toLowerCase()), !Boolean.FALSE.equals(body.get("member")),
					Boolean.TRUE.equals(body.get("archived")));
			synchronized (this.workspace) {
				this.workspace.channels.put(id, channel);
			}
			return ok(Map.of("channel", channel));
		}).onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	Mono<ServerResponse> messages(ServerRequest request) {
		String channel = request.queryParam("channel").orElse(null);
		return ok(Map.of("messages", this.workspace.messages(channel)));
	}

	Mono<ServerResponse> message(ServerRequest request) {
		String channel = request.pathVariable("channel");
		String ts = request.pathVariable("ts");
		return this.workspace.messages(channel)
			.stream()
			.filter((message) -> ts.equals(message.get("ts")))
			.findFirst()
			.map(SlackSandboxAdmin::ok)
			.orElseGet(() -> ServerResponse.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("error", "no message " + channel + "/" + ts)));
	}

	Mono<ServerResponse> userMessage(ServerRequest request) {
		return body(request).flatMap((body) -> {
			String channel = (String) body.get("channel");
			if (channel == null || !this.workspace.channels.containsKey(channel)) {
				throw new IllegalArgumentException("channel is required and must exist");
			}
			SlackWorkspace.StoredMessage message = this.workspace.postAsUser(channel,
					(String) body.getOrDefault("user", "U0SANDBOX1"), (String) body.getOrDefault("text", "hello"));
			return ok(Map.of("channel", channel, "ts", message.ts()));
		}).onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	Mono<ServerResponse> stats(ServerRequest request) {
		synchronized (this.workspace) {
			long limited = this.workspace.rateLimited.values().stream().mapToLong(Long::longValue).sum();
			return ok(Map.of("requests", new LinkedHashMap<>(this.workspace.requests), "rateLimited",
					new LinkedHashMap<>(this.workspace.rateLimited), "rateLimitedTotal", limited));
		}
	}

	Mono<ServerResponse> responses(ServerRequest request) {
		synchronized (this.workspace) {
			return ok(Map.of("responses", List.copyOf(this.workspace.responses)));
		}
	}

	Mono<ServerResponse> deliveries(ServerRequest request) {
		return ok(Map.of("deliveries", List.copyOf(this.sender.deliveries)));
	}

	Mono<ServerResponse> sendCommand(ServerRequest request) {
		return body(request)
			.flatMap((body) -> this.sender.command((String) body.getOrDefault("command", "/approve-invoice"),
					(String) body.getOrDefault("text", ""), (String) body.getOrDefault("user", "U0SANDBOX1"),
					(String) body.getOrDefault("channel", "CGENERAL01"), signing(body)))
			.flatMap(SlackSandboxAdmin::ok)
			.onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	Mono<ServerResponse> sendAction(ServerRequest request) {
		return body(request).flatMap((body) -> {
			String channel = (String) body.get("channel");
			String ts = (String) body.get("ts");
			String actionId = (String) body.get("actionId");
			if (channel == null || ts == null || actionId == null) {
				throw new IllegalArgumentException("channel, ts (of a stored message) and actionId are required");
			}
			return this.sender.click(channel, ts, actionId, (String) body.getOrDefault("user", "U0SANDBOX1"),
					signing(body), Boolean.TRUE.equals(body.get("doubleClick")) ? 2 : 1);
		})
			.flatMap((deliveries) -> ok(Map.of("deliveries", deliveries)))
			.onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	@SuppressWarnings("unchecked")
	Mono<ServerResponse> sendEvent(ServerRequest request) {
		return body(request).flatMap((body) -> {
			if (Boolean.TRUE.equals(body.get("urlVerification"))) {
				return this.sender.urlVerification(signing(body)).flatMap(SlackSandboxAdmin::ok);
			}
			Map<String, Object> event = (Map<String, Object>) body.getOrDefault("event", Map.of());
			return this.sender.event(event, signing(body)).flatMap((attempts) -> ok(Map.of("attempts", attempts)));
		}).onErrorResume(IllegalArgumentException.class, SlackSandboxAdmin::badRequest);
	}

	private static SlackSandboxSender.Signing signing(Map<String, Object> body) {
		return new SlackSandboxSender.Signing(integer(body, "skewSeconds", 0),
				Boolean.TRUE.equals(body.get("corruptSignature")), Boolean.TRUE.equals(body.get("unsigned")));
	}

	@SuppressWarnings("unchecked")
	private static Mono<Map<String, Object>> body(ServerRequest request) {
		return request.bodyToMono(Map.class)
			.map((body) -> (Map<String, Object>) body)
			.defaultIfEmpty(Map.of())
			.onErrorMap((ex) -> !(ex instanceof IllegalArgumentException),
					(ex) -> new IllegalArgumentException("the body must be " + MAP + ": " + ex.getMessage()));
	}

	private static int integer(Map<String, Object> body, String name, int otherwise) {
		Object value = body.get(name);
		if (value == null) {
			return otherwise;
		}
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException(name + " must be a number");
		}
		return number.intValue();
	}

	private static Mono<ServerResponse> ok(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private static Mono<ServerResponse> badRequest(IllegalArgumentException ex) {
		return ServerResponse.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("error", String.valueOf(ex.getMessage())));
	}

}
