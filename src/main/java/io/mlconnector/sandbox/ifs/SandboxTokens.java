package io.mlconnector.sandbox.ifs;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IFS IAM (a Keycloak-style OIDC provider) as far as ml-connector uses it ([DOC]):
 * {@code client_credentials} and {@code refresh_token} grants, the documented response
 * fields, a configurable lifetime, and 401 for an expired or unknown token.
 */
final class SandboxTokens {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();

	private final AtomicLong issued = new AtomicLong();

	private final Clock clock;

	private volatile Duration lifetime;

	private final Duration refreshLifetime;

	SandboxTokens(Clock clock, Duration lifetime, Duration refreshLifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
		this.refreshLifetime = refreshLifetime;
	}

	Map<String, Object> issue() {
		String access = token();
		String refresh = token();
		Instant now = this.clock.instant();
		this.accessTokens.put(access, now.plus(this.lifetime));
		this.refreshTokens.put(refresh, now.plus(this.refreshLifetime));
		this.issued.incrementAndGet();
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", access);
		response.put("expires_in", this.lifetime.toSeconds());
		response.put("refresh_expires_in", this.refreshLifetime.toSeconds());
		response.put("refresh_token", refresh);
		response.put("token_type", "Bearer");
		response.put("id_token", token());
		response.put("not-before-policy", 0);
		response.put("session_state", token());
		response.put("scope", "openid audience microprofile-jwt email profile");
		return response;
	}

	boolean refresh(String refreshToken) {
		Instant expiry = (refreshToken != null) ? this.refreshTokens.remove(refreshToken) : null;
		return expiry != null && this.clock.instant().isBefore(expiry);
	}

	boolean valid(String accessToken) {
		Instant expiry = this.accessTokens.get(accessToken);
		return expiry != null && this.clock.instant().isBefore(expiry);
	}

	/** Expires every token issued so far (fault injection). */
	void expireAll() {
		this.accessTokens.replaceAll((token, expiry) -> Instant.EPOCH);
	}

	void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return this.lifetime;
	}

	long issued() {
		return this.issued.get();
	}

	private String token() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
