package io.mlconnector.sandbox.visma;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Visma Connect's client credentials tokens as far as ml-connector uses them: opaque
 * bearer tokens bound to the {@code tenant_id} and the scopes of the request, valid for
 * {@code expires_in}; no refresh token (ASSUMPTION: none is documented for client
 * credentials).
 */
final class SandboxTokens {

	/**
	 * What a token grants.
	 *
	 * @param tenantId the {@code tenant_id} of the token request, or null
	 * @param scopes the scopes
	 * @param expiresAt when it stops working
	 */
	record Grant(String tenantId, Set<String> scopes, Instant expiresAt) {

	}

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

	private final AtomicLong issued = new AtomicLong();

	private final Clock clock;

	private volatile Duration lifetime;

	SandboxTokens(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	String issue(String tenantId, Set<String> scopes) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = "eyJ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tokens.put(token, new Grant(tenantId, Set.copyOf(scopes), this.clock.instant().plus(this.lifetime)));
		this.issued.incrementAndGet();
		return token;
	}

	/**
	 * The grant of a token that is valid now.
	 * @param token the bearer token
	 * @return its grant, or null when unknown or expired
	 */
	Grant valid(String token) {
		Grant grant = (token != null) ? this.tokens.get(token) : null;
		return (grant != null && this.clock.instant().isBefore(grant.expiresAt())) ? grant : null;
	}

	void expireAll() {
		this.tokens.replaceAll((token, grant) -> new Grant(grant.tenantId(), grant.scopes(), Instant.EPOCH));
	}

	Duration lifetime() {
		return this.lifetime;
	}

	void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	long issued() {
		return this.issued.get();
	}

	void resetCounter() {
		this.issued.set(0);
	}

}
