package io.mlconnector.sandbox.gusto;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /sandbox/gusto/oauth/authorize} (auto-approves and redirects with {@code code}
 * and {@code state}; the extension parameter {@code company_uuid} picks the company,
 * default the configured one), {@code /oauth/token} (JSON body: authorization code,
 * refresh token, system access) and {@code /oauth/revoke}.
 */
final class SandboxOAuthEndpoints {

	private final GustoSandbox sandbox;

	SandboxOAuthEndpoints(GustoSandbox sandbox) {
		this.sandbox = sandbox;
	}

	Mono<ServerResponse> authorize(ServerRequest request) {
		String clientId = request.queryParam("client_id").orElse(null);
		String redirectUri = request.queryParam("redirect_uri").orElse(null);
		if (!this.sandbox.properties.clientId().equals(clientId)) {
			return SandboxApi.json(HttpStatus.BAD_REQUEST,
					SandboxRender.errors("client_id", "invalid_attribute_value", "unknown client_id"));
		}
		if (redirectUri == null || !"code".equals(request.queryParam("response_type").orElse(null))) {
			return SandboxApi.json(HttpStatus.BAD_REQUEST, SandboxRender.errors("redirect_uri",
					"invalid_attribute_value", "redirect_uri and response_type=code are required"));
		}
		String company = request.queryParam("company_uuid").orElse(this.sandbox.properties.companyUuid());
		if (this.sandbox.company(company) == null) {
			return SandboxApi.notFound();
		}
		UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirectUri)
			.queryParam("code", this.sandbox.oauth.code(company, redirectUri));
		request.queryParam("state").ifPresent((state) -> target.queryParam("state", state));
		this.sandbox.webhooks.emit(company, "company.provisioned", "Company", company);
		return ServerResponse.status(HttpStatus.FOUND)
			.location(URI.create(target.encode().build().toUriString()))
			.build();
	}

	Mono<ServerResponse> token(ServerRequest request) {
		// faults apply to the token endpoint too (latency, server errors), e.g.
		// {"endpoint": "POST /oauth/token", "latency_ms": 3000, "server_errors": 2}
		SandboxFaults.Fault fault = this.sandbox.faults.matching("POST /oauth/token");
		Mono<Void> latency = (fault != null && fault.latencyMs() > 0)
				? Mono.delay(java.time.Duration.ofMillis(fault.latencyMs())).then() : Mono.empty();
		return latency.then(Mono.defer(() -> (fault != null && fault.serverError())
				? SandboxApi.json(HttpStatus.INTERNAL_SERVER_ERROR,
						SandboxRender.errors("request", "internal_error", "An unexpected error has occurred."))
				: tokenAnswer(request)));
	}

	private Mono<ServerResponse> tokenAnswer(ServerRequest request) {
		return body(request).flatMap((body) -> {
			if (!this.sandbox.properties.clientId().equals(text(body, "client_id"))
					|| !this.sandbox.properties.clientSecret().equals(text(body, "client_secret"))) {
				return SandboxApi.json(HttpStatus.UNAUTHORIZED,
						SandboxRender.errors("base", "invalid_client", "client_id or client_secret is wrong"));
			}
			String grantType = String.valueOf(text(body, "grant_type"));
			return switch (grantType) {
				case "authorization_code" -> {
					this.sandbox.oauth.authorizationCodeRequests.incrementAndGet();
					SandboxOAuth.Pair pair = this.sandbox.oauth.exchange(text(body, "code"),
							text(body, "redirect_uri"));
					yield (pair != null) ? SandboxApi.ok(pairJson(pair))
							: SandboxApi.json(HttpStatus.UNAUTHORIZED, SandboxRender.errors("code", "invalid_token",
									"The authorization code is invalid, expired or already used."));
				}
				case "refresh_token" -> {
					this.sandbox.oauth.refreshRequests.incrementAndGet();
					SandboxOAuth.Pair pair = this.sandbox.oauth.refresh(text(body, "refresh_token"));
					if (pair == null) {
						this.sandbox.oauth.rejectedRefreshRequests.incrementAndGet();
					}
					yield (pair != null) ? SandboxApi.ok(pairJson(pair))
							: SandboxApi.json(HttpStatus.UNAUTHORIZED, SandboxRender.errors("refresh_token",
									"invalid_token", "The refresh token is invalid, revoked or already used."));
				}
				case "system_access" -> {
					this.sandbox.oauth.systemAccessRequests.incrementAndGet();
					SandboxOAuth.AccessToken token = this.sandbox.oauth.system();
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("access_token", token.value);
					json.put("token_type", "Bearer");
					json.put("expires_in", this.sandbox.oauth.lifetime().toSeconds());
					json.put("created_at", this.sandbox.clock.instant().getEpochSecond());
					yield SandboxApi.ok(json);
				}
				default -> SandboxApi.json(HttpStatus.BAD_REQUEST,
						SandboxRender.errors("grant_type", "invalid_attribute_value",
								"grant_type must be authorization_code, refresh_token or system_access"));
			};
		});
	}

	Mono<ServerResponse> revoke(ServerRequest request) {
		return body(request).flatMap((body) -> {
			if (!this.sandbox.properties.clientId().equals(text(body, "client_id"))
					|| !this.sandbox.properties.clientSecret().equals(text(body, "client_secret"))) {
				return SandboxApi.json(HttpStatus.UNAUTHORIZED,
						SandboxRender.errors("base", "invalid_client", "client_id or client_secret is wrong"));
			}
			this.sandbox.oauth.revoke(text(body, "token"));
			return ServerResponse.ok().bodyValue("OK");
		});
	}

	private Map<String, Object> pairJson(SandboxOAuth.Pair pair) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", pair.access().value);
		json.put("refresh_token", pair.refresh().value);
		json.put("token_type", "Bearer");
		json.put("expires_in", this.sandbox.oauth.lifetime().toSeconds());
		json.put("created_at", this.sandbox.clock.instant().getEpochSecond());
		json.put("scope", SandboxApi.scope());
		return json;
	}

	/** A JSON body; an empty one reads as {@code {}}, so the checks below answer. */
	private static Mono<JsonNode> body(ServerRequest request) {
		return request.bodyToMono(JsonNode.class)
			.defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
	}

	private static String text(JsonNode body, String field) {
		return body.path(field).isString() ? body.path(field).asString() : null;
	}

}
