package io.mlconnector.visma;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.mlconnector.outbound.CachedAccessToken;
import io.mlconnector.tenant.VismaConnection;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Visma Connect access tokens of one Visma company: {@code grant_type=client_credentials}
 * with {@code client_id}, {@code client_secret}, {@code scope} and the company's
 * {@code tenant_id} [DOC-service], kept in memory until {@code expires_in} (read, never
 * assumed: 3600 s in the docs' example) minus {@code mlc.visma.token-leeway}, then
 * requested again (client credentials have no refresh token). Concurrent callers share
 * one token request.
 */
final class VismaTokens {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final String tenant;

	private final WebClient web;

	private final VismaConnection connection;

	private final Duration leeway;

	private final JsonMapper json;

	private final Clock clock;

	private final CachedAccessToken cache;

	private final AtomicLong requested = new AtomicLong();

	VismaTokens(String tenant, WebClient web, VismaConnection connection, Duration leeway, JsonMapper json,
			Clock clock) {
		this.tenant = tenant;
		this.web = web;
		this.connection = connection;
		this.leeway = leeway;
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

	/**
	 * Token requests sent by this instance for this company.
	 * @return the count
	 */
	long requested() {
		return this.requested.get();
	}

	private Mono<CachedAccessToken.Token> request() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", this.connection.clientId());
		form.add("client_secret", this.connection.clientSecret().value());
		form.add("scope", this.connection.scope());
		form.add("tenant_id", this.connection.tenantId());
		URI uri = this.connection.tokenUrl();
		return Mono.defer(() -> {
			Instant requestedAt = this.clock.instant();
			this.requested.incrementAndGet();
			return this.web.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromFormData(form))
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(new byte[0])
					.map((body) -> token(response.statusCode().value(), body, requestedAt)))
				.onErrorMap((ex) -> !(ex instanceof VismaException) && !(ex instanceof VismaRetryLaterException),
						(ex) -> new VismaRetryLaterException("Visma (tenant " + this.tenant
								+ "): no answer from the Visma Connect token endpoint " + uri + ": " + ex.getMessage(),
								0, VismaError.NONE, null, ex));
		});
	}

	private CachedAccessToken.Token token(int status, byte[] body, Instant requestedAt) {
		Map<String, Object> response;
		try {
			response = (body.length > 0) ? this.json.readValue(body, OBJECT) : Map.of();
		}
		catch (RuntimeException ex) {
			response = Map.of();
		}
		if (status == 200 && response.get("access_token") instanceof String access
				&& response.get("expires_in") instanceof Number expiresIn) {
			Duration lifetime = Duration.ofSeconds(expiresIn.longValue());
			// the leeway, but never more than half the lifetime of a short-lived token
			Duration margin = (this.leeway.compareTo(lifetime.dividedBy(2)) > 0) ? lifetime.dividedBy(2) : this.leeway;
			return new CachedAccessToken.Token(access, requestedAt.plus(lifetime).minus(margin));
		}
		VismaError error = VismaError.parse(body, this.json);
		String said = error.summary().isEmpty() ? "" : " (" + error.summary() + ")";
		if (status >= 500 || status == 429) {
			throw new VismaRetryLaterException(
					"Visma (tenant " + this.tenant + "): the Visma Connect token endpoint answered " + status + said,
					status, error, null, null);
		}
		throw new VismaAuthenticationException("Visma (tenant " + this.tenant + "): Visma Connect refused the token "
				+ "request with " + status + said + ". Check mlc.tenants." + this.tenant
				+ ".visma.client-id and client-secret (the service application in the Developer Portal), tenant-id "
				+ "(the company tenant id, approved for the application by the tenant's administrator) and scope "
				+ "(only scopes granted to the application)", status, error);
	}

}
