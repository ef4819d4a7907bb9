package io.mlconnector.secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The encrypted token store over {@code oauth_token}: one grant per tenant and provider.
 * Tokens are encrypted with AES-GCM before they reach the database and never logged.
 * <p>
 * A single-use refresh token must rotate exactly once, whichever instance and thread
 * refreshes: a refresher first claims the row ({@link #claimRefresh}: the version it saw,
 * no live claim by anyone else), then stores the new pair with {@link #completeRefresh},
 * which succeeds only while its claim holds and bumps the version. A refresher that dies
 * leaves a claim that lapses at {@code refresh_until}; the old refresh token is still in
 * the row, so the next claimer refreshes with it.
 */
public class OAuthTokenStore {

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	private final Clock clock;

	public OAuthTokenStore(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Reads a grant.
	 * @param tenant the tenant
	 * @param provider the provider
	 * @return the grant, empty if the tenant never connected
	 */
	public Optional<OAuthGrant> find(String tenant, String provider) {
		return this.jdbc.sql("SELECT * FROM oauth_token WHERE tenant = ? AND provider = ?")
			.params(tenant, provider)
			.query(this::map)
			.optional();
	}

	/**
	 * Stores the tokens of a new connection (authorization code grant), replacing any
	 * previous grant of the tenant and clearing any claim or reconnect state.
	 * @param tenant the tenant
	 * @param provider the provider
	 * @param externalAccount the account the grant is for
	 * @param tokens the issued tokens
	 * @return the stored grant
	 */
	public OAuthGrant connect(String tenant, String provider, String externalAccount, IssuedTokens tokens) {
		LocalDateTime now = utc(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO oauth_token (tenant, provider, external_account, access_token_enc, refresh_token_enc,
					key_id, scope, expires_at, status, status_reason, refresh_owner, refresh_until, version,
					created_at, updated_at)
				VALUES (:tenant, :provider, :account, :access, :refresh, :keyId, :scope, :expiresAt, 'ACTIVE', NULL,
					NULL, NULL, 1, :now, :now)
				ON DUPLICATE KEY UPDATE external_account = VALUES(external_account),
					access_token_enc = VALUES(access_token_enc), refresh_token_enc = VALUES(refresh_token_enc),
					key_id = VALUES(key_id), scope = VALUES(scope), expires_at = VALUES(expires_at),
					status = 'ACTIVE', status_reason = NULL, refresh_owner = NULL, refresh_until = NULL,
					version = version + 1, updated_at = VALUES(updated_at)
				""")
			.param("tenant", tenant)
			.param("provider", provider)
			.param("account", externalAccount)
			.param("access", encrypt(tokens.accessToken(), tenant, provider, "access"))
			.param("refresh", encrypt(tokens.refreshToken(), tenant, provider, "refresh"))
			.param("keyId", this.cipher.currentKeyId())
			.param("scope", tokens.scope())
			.param("expiresAt", utc(tokens.expiresAt()))
			.param("now", now)
			.update();
		return find(tenant, provider).orElseThrow();
	}

	/**
	 * Claims the right to refresh a grant: succeeds for exactly one caller among all
	 * threads and instances that saw {@code version}, unless a live claim exists.
	 * @param tenant the tenant
	 * @param provider the provider
	 * @param version the version the caller read
	 * @param owner who claims (instance and attempt)
	 * @param until when the claim lapses if the owner never completes it
	 * @return whether the caller now owns the refresh
	 */
	public boolean claimRefresh(String tenant, String provider, long version, String owner, Instant until) {
		return this.jdbc.sql("""
				UPDATE oauth_token SET refresh_owner = :owner, refresh_until = :until, updated_at = :now
				WHERE tenant = :tenant AND provider = :provider AND version = :version AND status = 'ACTIVE'
					AND (refresh_owner IS NULL OR refresh_until < :now)
				""")
			.param("owner", owner)
			.param("until", utc(until))
			.param("now", utc(this.clock.instant()))
			.param("tenant", tenant)
			.param("provider", provider)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Renews a live claim, so a refresh that takes longer than one claim period (retries
	 * of the token request) keeps it.
	 * @param tenant the tenant
	 * @param provider the provider
	 * @param version the version the claim was made on
	 * @param owner the claim's owner
	 * @param until when the renewed claim lapses
	 * @return whether the caller still owns the claim
	 */
	public boolean renewClaim(String tenant, String provider, long version, String owner, Instant until) {
		return this.jdbc.sql("""
				UPDATE oauth_token SET refresh_until = :until
				WHERE tenant = :tenant AND provider = :provider AND version = :version AND refresh_owner = :owner
					AND status = 'ACTIVE'
				""")
			.param("until", utc(until))
			.param("tenant", tenant)
			.param("provider", provider)
			.param("version", version)
			.param("owner", owner)
			.update() == 1;
	}

	/**
	 * Stores a refreshed pair, if the caller's claim still holds.
	 * @param tenant the tenant
	 * @param provider the provider
	 * @param version the version the claim was made on
	 * @param owner the claim's owner
	 * @param tokens the new pair
	 * @return whether the pair was stored; if not, it must never be used
	 */
	public boolean completeRefresh(String tenant, String provider, long version, String owner, IssuedTokens tokens) {
		return this.jdbc.sql("""
				UPDATE oauth_token SET access_token_enc = :access, refresh_token_enc = :refresh, key_id = :keyId,
					scope = COALESCE(:scope, scope), expires_at = :expiresAt, refresh_owner = NULL,
					refresh_until = NULL, version = version + 1, updated_at = :now
				WHERE tenant = :tenant AND provider = :provider AND version = :version AND refresh_owner = :owner
					AND status = 'ACTIVE'
				""")
			.param("access", encrypt(tokens.accessToken(), tenant, provider, "access"))
			.param("refresh", encrypt(tokens.refreshToken(), tenant, provider, "refresh"))
			.param("keyId", this.cipher.currentKeyId())
			.param("scope", tokens.scope())
			.param("expiresAt", utc(tokens.expiresAt()))
			.param("now", utc(this.clock.instant()))
			.param("tenant", tenant)
			.param("provider", provider)
			.param("version", version)
			.param("owner", owner)
			.update() == 1;
	}

	/**
	 * Gives up a claim without storing anything (the refresh failed and may be tried
	 * again).
	 * @param tenant the tenant
	 * @param provider the provider
	 * @param owner the claim's owner
	 */
	public void releaseClaim(String tenant, String provider, String owner) {
		this.jdbc
			.sql("UPDATE oauth_token SET refresh_owner = NULL, refresh_until = NULL "
					+ "WHERE tenant = ? AND provider = ? AND refresh_owner = ?")
			.params(tenant, provider, owner)
			.update();
	}

	/**
	 * Marks a grant as needing a person to connect again (its refresh token was refused).
	 * @param tenant the tenant
	 * @param provider the provider
	 * @param version the version whose refresh token was refused; a newer pair is kept
	 * @param reason what happened and what to do
	 * @return whether the grant changed state
	 */
	public boolean requireReconnect(String tenant, String provider, long version, String reason) {
		return this.jdbc.sql("""
				UPDATE oauth_token SET status = 'RECONNECT_REQUIRED', status_reason = :reason, refresh_owner = NULL,
					refresh_until = NULL, updated_at = :now
				WHERE tenant = :tenant AND provider = :provider AND version = :version AND status = 'ACTIVE'
				""")
			.param("reason", (reason.length() > 1000) ? reason.substring(0, 1000) : reason)
			.param("now", utc(this.clock.instant()))
			.param("tenant", tenant)
			.param("provider", provider)
			.param("version", version)
			.update() == 1;
	}

	private String encrypt(Secret value, String tenant, String provider, String column) {
		return (value != null) ? this.cipher.encrypt(value, aad(tenant, provider, column)) : null;
	}

	private OAuthGrant map(ResultSet rs, int row) throws SQLException {
		String tenant = rs.getString("tenant");
		String provider = rs.getString("provider");
		String keyId = rs.getString("key_id");
		return new OAuthGrant(tenant, provider, rs.getString("external_account"),
				decrypt(keyId, rs.getString("access_token_enc"), tenant, provider, "access"),
				decrypt(keyId, rs.getString("refresh_token_enc"), tenant, provider, "refresh"),
				instant(rs, "expires_at"), rs.getString("scope"), GrantStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), rs.getLong("version"), rs.getString("refresh_owner"),
				instant(rs, "refresh_until"));
	}

	private Secret decrypt(String keyId, String value, String tenant, String provider, String column) {
		return (value != null) ? this.cipher.decrypt(keyId, value, aad(tenant, provider, column)) : null;
	}

	private static String aad(String tenant, String provider, String column) {
		return "oauth_token/" + tenant + "/" + provider + "/" + column;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	private static LocalDateTime utc(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
