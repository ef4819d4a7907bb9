package io.mlconnector.gusto;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.secrets.IssuedTokens;
import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.GustoConnection;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gusto's OAuth endpoints: the authorize URL, {@code POST /oauth/token} (authorization
 * code, refresh token, system access) and {@code GET /v1/token_info}. Bodies are JSON, as
 * in Gusto's spec and curl examples [SPEC /oauth/token]; the authorization-code body
 * ({@code client_id, client_secret, redirect_uri, code, grant_type}) is shown only by
 * third parties [3P].
 */
class GustoOAuth {

	private static final long DEFAULT_EXPIRES_IN = 7200;

	private final WebClient web;

	private final GustoWire wire;

	private final Clock clock;

	private final OutboundRetry retry;

	GustoOAuth(WebClient web, GustoWire wire, Clock clock, OutboundRetry retry) {
		this.web = web;
		this.wire = wire;
		this.clock = clock;
		this.retry = retry;
	}

	URI authorizeUrl(GustoConnection connection, String state) {
		return UriComponentsBuilder.fromUri(connection.baseUrl())
			.path("/oauth/authorize")
			.queryParam("client_id", connection.clientId())
			.queryParam("redirect_uri", connection.redirectUri())
			.queryParam("response_type", "code")
			.queryParam("state", state)
			.encode()
			.build()
			.toUri();
	}

	Mono<IssuedTokens> exchangeCode(String tenant, GustoConnection connection, String code) {
		Map<String, Object> body = credentials(connection, "authorization_code");
		body.put("code", code);
		body.put("redirect_uri", connection.redirectUri().toString());
		return token(tenant, connection, body, "the authorization code exchange");
	}

	/**
	 * Exchanges a refresh token. A refused grant becomes
	 * {@link RefreshRejectedException}, refused client credentials
	 * {@link ClientRefusedException}; 429, 5xx and timeouts are retried a few times.
	 */
	Mono<IssuedTokens> refresh(String tenant, GustoConnection connection, Secret refreshToken) {
		Map<String, Object> body = credentials(connection, "refresh_token");
		body.put("refresh_token", refreshToken.value());
		return token(tenant, connection, body, "the token refresh");
	}

	Mono<IssuedTokens> systemToken(String tenant, GustoConnection connection) {
		return token(tenant, connection, credentials(connection, "system_access"), "the system access token request");
	}

	Mono<GustoTokenInfo> tokenInfo(String tenant, GustoConnection connection, Secret accessToken) {
		String what = "GET /v1/token_info";
		return Mono
			.defer(() -> this.wire.send(this.web.get()
				.uri(connection.baseUrl() + "/v1/token_info")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.value())
				.header(GustoWire.API_VERSION_HEADER, connection.apiVersion()), what))
			.retryWhen(this.retry.toRetry())
			.map((response) -> {
				if (!response.ok()) {
					throw this.wire.failure(tenant, response, what);
				}
				return this.wire.read(response, GustoTokenInfo.class, what);
			});
	}

	Mono<Void> revoke(GustoConnection connection, Secret token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("client_id", connection.clientId());
		body.put("client_secret", connection.clientSecret().value());
		body.put("token", token.value());
		return this.wire
			.send(this.web.post()
				.uri(connection.baseUrl() + "/oauth/revoke")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body), "POST /oauth/revoke")
			.then();
	}

	private Mono<IssuedTokens> token(String tenant, GustoConnection connection, Map<String, Object> body, String what) {
		return Mono.defer(() -> this.wire.send(this.web.post()
			.uri(connection.baseUrl() + "/oauth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body), what)).retryWhen(this.retry.toRetry()).map((response) -> {
				if (response.status() == 400 || response.status() == 401) {
					throw refusal(tenant, connection, response, what);
				}
				if (!response.ok()) {
					throw this.wire.failure(tenant, response, what);
				}
				GustoTokenResponse token = this.wire.read(response, GustoTokenResponse.class, what);
				if (token.accessToken() == null || token.accessToken().isBlank()) {
					throw new IllegalStateException("Gusto's answer to " + what + " has no access_token");
				}
				// expires_in counts from when the response is received [DOC
				// authentication]
				Instant expiresAt = this.clock.instant()
					.plusSeconds((token.expiresIn() != null) ? token.expiresIn() : DEFAULT_EXPIRES_IN);
				return new IssuedTokens(new Secret(token.accessToken()),
						(token.refreshToken() != null && !token.refreshToken().isBlank())
								? new Secret(token.refreshToken()) : null,
						expiresAt, token.scope());
			});
	}

	/**
	 * What a 400 or 401 of the token endpoint means. Only a refused grant
	 * ({@code invalid_grant}: the code or refresh token is invalid, expired, revoked or
	 * used) means reconnecting; refused client credentials are a configuration error that
	 * reconnecting cannot fix, and anything else is reported as it is, the grant kept.
	 * Gusto documents neither body: the OAuth 2.0 codes of RFC 6749 section 5.2 are read
	 * from {@code error}, and in Gusto's error shape a refusal of the {@code code} or
	 * {@code refresh_token} parameter counts as {@code invalid_grant}, a category
	 * {@code invalid_client} as {@code invalid_client} (ASSUMPTION, see the Gusto
	 * reference, section 8 and the refresh-token rotation).
	 */
	private RuntimeException refusal(String tenant, GustoConnection connection, GustoResponse response, String what) {
		String code = this.wire.oauthError(response);
		GustoErrors errors = this.wire.errors(response);
		GustoErrors.Error first = errors.errors().isEmpty() ? null : errors.errors().get(0);
		String reason = (code != null) ? code
				: (first != null) ? first.category() + ": " + first.message() : "status " + response.status();
		boolean grantRefused = "invalid_grant".equals(code)
				|| (first != null && ("code".equals(first.errorKey()) || "refresh_token".equals(first.errorKey()))
						&& ("invalid_token".equals(first.category()) || "invalid_grant".equals(first.category())));
		if (grantRefused) {
			return new RefreshRejectedException("Gusto refused " + what + " (" + reason + ")");
		}
		boolean clientRefused = "invalid_client".equals(code) || "unauthorized_client".equals(code)
				|| (first != null && "invalid_client".equals(first.category()));
		if (clientRefused) {
			return new ClientRefusedException("Gusto refused the client credentials of tenant " + tenant + " in " + what
					+ " (" + reason + "): check mlc.tenants." + tenant + ".gusto.client-id ('" + connection.clientId()
					+ "') and client-secret against the application in Gusto's developer "
					+ "portal; the grant is kept, no reconnect is needed once they are right");
		}
		return this.wire.failure(tenant, response, what);
	}

	private static Map<String, Object> credentials(GustoConnection connection, String grantType) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("client_id", connection.clientId());
		body.put("client_secret", connection.clientSecret().value());
		body.put("grant_type", grantType);
		return body;
	}

	/**
	 * Gusto refused the application's client credentials: a configuration error, not a
	 * reason to reconnect.
	 */
	static class ClientRefusedException extends RuntimeException {

		ClientRefusedException(String message) {
			super(message);
		}

	}

	/**
	 * Gusto refused a code or refresh token: retrying with the same one cannot succeed.
	 */
	static class RefreshRejectedException extends RuntimeException {

		RefreshRejectedException(String message) {
			super(message);
		}

	}

}
