package io.mlconnector.sandbox.gusto;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grants and tokens of the simulated Gusto. Each authorization creates a grant (one
 * company); each refresh issues a new pair, and the refresh token used stays valid until
 * the new access token is first used, then it is revoked [DOC refresh-access-token].
 * Reusing a revoked refresh token gets 401 {@code invalid_token} (ASSUMPTION: status and
 * body are not documented).
 */
final class SandboxOAuth {

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private volatile Duration lifetime;

	final Map<String, Code> codes = new ConcurrentHashMap<>();

	final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

	final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

	final AtomicLong authorizationCodeRequests = new AtomicLong();

	final AtomicLong refreshRequests = new AtomicLong();

	final AtomicLong rejectedRefreshRequests = new AtomicLong();

	final AtomicLong systemAccessRequests = new AtomicLong();

	private final AtomicLong grants = new AtomicLong();

	SandboxOAuth(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return this.lifetime;
	}

	String code(String company, String redirectUri) {
		String code = token();
		// authorization codes expire after 10 minutes [DOC migrate-existing-company]
		this.codes.put(code, new Code(company, redirectUri, this.clock.instant().plus(Duration.ofMinutes(10))));
		return code;
	}

	Pair exchange(String code, String redirectUri) {
		Code grant = this.codes.remove(code);
		if (grant == null || this.clock.instant().isAfter(grant.expiresAt())
				|| (redirectUri != null && !redirectUri.equals(grant.redirectUri()))) {
			return null;
		}
		return issue("grant-" + this.grants.incrementAndGet(), grant.company(), null);
	}

	/**
	 * Refreshes.
	 * @return the new pair, or {@code null} if the refresh token is unknown or revoked
	 */
	Pair refresh(String refreshToken) {
		RefreshToken current = this.refreshTokens.get(refreshToken);
		if (current == null || current.revoked) {
			return null;
		}
		return issue(current.grant, current.company, current);
	}

	AccessToken system() {
		AccessToken token = new AccessToken(token(), "system", null, this.clock.instant().plus(this.lifetime), null);
		this.accessTokens.put(token.value, token);
		return token;
	}

	/**
	 * Authenticates an API call; the first use of an access token revokes the refresh
	 * token it was refreshed with.
	 * @return the token, or {@code null} when unknown, expired or revoked
	 */
	AccessToken authenticate(String value) {
		AccessToken token = (value != null) ? this.accessTokens.get(value) : null;
		if (token == null || token.revoked || !this.clock.instant().isBefore(token.expiresAt)) {
			return null;
		}
		if (!token.used) {
			token.used = true;
			if (token.parent != null) {
				token.parent.revoked = true;
			}
		}
		return token;
	}

	void revoke(String value) {
		AccessToken access = this.accessTokens.get(value);
		if (access != null) {
			access.revoked = true;
		}
		RefreshToken refresh = this.refreshTokens.get(value);
		if (refresh != null) {
			refresh.revoked = true;
		}
	}

	void expireAll() {
		Instant now = this.clock.instant();
		this.accessTokens.values().forEach((token) -> token.expiresAt = now);
	}

	int revokeRefreshTokens(String company) {
		int revoked = 0;
		for (RefreshToken token : this.refreshTokens.values()) {
			if ((company == null || company.equals(token.company)) && !token.revoked) {
				token.revoked = true;
				revoked++;
			}
		}
		return revoked;
	}

	private Pair issue(String grant, String company, RefreshToken parent) {
		AccessToken access = new AccessToken(token(), grant, company, this.clock.instant().plus(this.lifetime), parent);
		RefreshToken refresh = new RefreshToken(token(), grant, company);
		this.accessTokens.put(access.value, access);
		this.refreshTokens.put(refresh.value, refresh);
		return new Pair(access, refresh);
	}

	private String token() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Code(String company, String redirectUri, Instant expiresAt) {

	}

	record Pair(AccessToken access, RefreshToken refresh) {

	}

	static final class AccessToken {

		final String value;

		final String grant;

		/** The company, or {@code null} for a system token. */
		final String company;

		volatile Instant expiresAt;

		final RefreshToken parent;

		volatile boolean used;

		volatile boolean revoked;

		AccessToken(String value, String grant, String company, Instant expiresAt, RefreshToken parent) {
			this.value = value;
			this.grant = grant;
			this.company = company;
			this.expiresAt = expiresAt;
			this.parent = parent;
		}

	}

	static final class RefreshToken {

		final String value;

		final String grant;

		final String company;

		volatile boolean revoked;

		RefreshToken(String value, String grant, String company) {
			this.value = value;
			this.grant = grant;
			this.company = company;
		}

	}

}
