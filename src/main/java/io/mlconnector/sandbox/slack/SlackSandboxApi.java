package io.mlconnector.sandbox.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The Web API ({@code POST /sandbox/slack/api/<method>}) and the response URLs
 * ({@code POST /sandbox/slack/hooks/...}). Bodies are form-encoded (what the Java SDK
 * sends; {@code blocks}, {@code attachments} and {@code metadata} are JSON strings in it)
 * or JSON; the token comes as {@code Authorization: Bearer} or a {@code token} parameter
 * [DOC].
 */
final class SlackSandboxApi {

	private static final Set<String> JSON_ARGUMENTS = Set.of("blocks", "attachments", "metadata");

	private final SlackWorkspace workspace;

	private final JsonMapper json;

	SlackSandboxApi(SlackWorkspace workspace, JsonMapper json) {
		this.workspace = workspace;
		this.json = json;
	}

	Mono<ServerResponse> method(ServerRequest request) {
		String method = request.pathVariable("method");
		MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_FORM_URLENCODED);
		Mono<Map<String, JsonNode>> args = MediaType.APPLICATION_JSON.isCompatibleWith(type)
				? request.bodyToMono(JsonNode.class).map(this::fromJson).defaultIfEmpty(Map.of())
				: request.formData().map(this::fromForm);
		return args.flatMap((arguments) -> {
			String token = bearer(request);
			if (token == null && arguments.get("token") != null) {
				token = arguments.get("token").asString();
			}
			return answer(this.workspace.call(method, token, arguments));
		})
			.onErrorResume(InvalidForm.class, (ex) -> answer(new SlackWorkspace.Answer(200, null,
					this.json.createObjectNode().put("ok", false).put("error", ex.getMessage()))));
	}

	Mono<ServerResponse> hook(ServerRequest request) {
		String id = request.pathVariable("id");
		return request.bodyToMono(JsonNode.class)
			.defaultIfEmpty(this.json.createObjectNode())
			.flatMap((body) -> answer(this.workspace.respond(id, body)))
			.onErrorResume(JacksonException.class,
					(ex) -> ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).bodyValue("invalid_payload"));
	}

	private Map<String, JsonNode> fromJson(JsonNode body) {
		Map<String, JsonNode> args = new LinkedHashMap<>();
		body.properties().forEach((entry) -> args.put(entry.getKey(), entry.getValue()));
		return args;
	}

	private Map<String, JsonNode> fromForm(MultiValueMap<String, String> form) {
		Map<String, JsonNode> args = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			String value = values.isEmpty() ? "" : values.get(0);
			if (JSON_ARGUMENTS.contains(name)) {
				try {
					args.put(name, this.json.readTree(value));
				}
				catch (JacksonException ex) {
					throw new InvalidForm("blocks".equals(name) ? "invalid_blocks_format" : "invalid_form_data");
				}
			}
			else {
				args.put(name, this.json.getNodeFactory().stringNode(value));
			}
		});
		return args;
	}

	private static String bearer(ServerRequest request) {
		List<String> values = request.headers().header(HttpHeaders.AUTHORIZATION);
		if (values.isEmpty() || !values.get(0).startsWith("Bearer ")) {
			return null;
		}
		String token = values.get(0).substring(7).trim();
		return token.isEmpty() ? null : token;
	}

	private static Mono<ServerResponse> answer(SlackWorkspace.Answer answer) {
		ServerResponse.BodyBuilder response = ServerResponse.status(answer.status());
		if (answer.retryAfterSeconds() != null) {
			response.header("Retry-After", String.valueOf(answer.retryAfterSeconds()));
		}
		if (answer.plain() != null) {
			return response.contentType(MediaType.TEXT_PLAIN).bodyValue(answer.plain());
		}
		return response.contentType(MediaType.APPLICATION_JSON).bodyValue(answer.body());
	}

	private static final class InvalidForm extends RuntimeException {

		InvalidForm(String error) {
			super(error);
		}

	}

}
