package io.mlconnector.ifs;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.mlconnector.outbound.CachedAccessToken;
import io.mlconnector.secrets.Secret;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * IFS IAM access tokens of one tenant (client credentials, {@code scope=openid
 * microprofile-jwt} [DOC]), cached in memory and renewed when 80 % of {@code expires_in}
 * has passed. IFS documents 180 s tokens and the lifetime is per IAM client, so nothing
 * here assumes a lifetime. Concurrent callers share one token request.
 */
final class IfsTokens {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final String tenant;

	private final WebClient web;

	private final URI tokenUri;

	private final String clientId;

	private final Secret clientSecret;

	private final JsonMapper json;

	private final Clock clock;

	private final CachedAccessToken cache;

	IfsTokens(String tenant, WebClient web, URI tokenUri, String clientId, Secret clientSecret, JsonMapper json,
			Clock clock) {
		this.tenant = tenant;
		this.web = web;
		this.tokenUri = tokenUri;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.json = json;
		this.clock = clock;
		this.cache = new CachedAccessToken(this::request, clock);
	}

	/**
	 * A valid access token, from the cache or freshly requested.
	 * @return the token
	 */
	Mono<String> token() {
		return this.cache.token();
	}

	/**
	 * Forgets the cached token if it is the one the API refused.
	 * @param refused the token the API answered 401 to
	 */
	void invalidate(String refused) {
		this.cache.invalidate(refused);
	}

	private Mono<CachedAccessToken.Token> request() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", "openid microprofile-jwt");
		form.add("client_id", this.clientId);
		form.add("client_secret", this.clientSecret.value());
		return Mono.defer(() -> {
			Instant requested = this.clock.instant();
			return this.web.post()
				.uri(this.tokenUri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromFormData(form))
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(new byte[0])
					.map((body) -> token(response.statusCode().value(), body, requested)))
				.onErrorMap((ex) -> !(ex instanceof IfsException) && !(ex instanceof IfsRetryLaterException),
						(ex) -> new IfsRetryLaterException("IFS (tenant " + this.tenant + "): no answer from the token "
								+ "endpoint " + this.tokenUri + ": " + ex.getMessage(), 0, null, null, ex));
		});
	}

	private CachedAccessToken.Token token(int status, byte[] body, Instant requested) {
		Map<String, Object> response;
		try {
			response = (body.length > 0) ? this.json.readValue(body, OBJECT) : Map.of();
		}
		catch (RuntimeException ex) {
			response = Map.of();
		}
		if (status == 200 && response.get("access_token") instanceof String access
				&& response.get("expires_in") instanceof Number expiresIn) {
			long lifetimeMillis = expiresIn.longValue() * 1000;
			return new CachedAccessToken.Token(access, requested.plusMillis(lifetimeMillis * 8 / 10));
		}
		String error = (response.get("error") != null)
				? response.get("error") + ": " + response.getOrDefault("error_description", "") : "HTTP " + status;
		if (status >= 500 || status == 429) {
			throw new IfsRetryLaterException(
					"IFS (tenant " + this.tenant + "): the token endpoint answered " + status + " (" + error + ")",
					status, null, null, null);
		}
		throw new IfsException(
				"IFS (tenant " + this.tenant + "): the IAM token request to " + this.tokenUri + " was refused with "
						+ status + " (" + error + "). Check mlc.tenants." + this.tenant
						+ ".ifs.realm, client-id and client-secret: the IAM client must be confidential with service "
						+ "accounts enabled.",
				status, (response.get("error") != null) ? response.get("error").toString() : null, error, null);
	}

}
