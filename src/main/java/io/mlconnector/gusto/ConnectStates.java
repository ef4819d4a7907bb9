package io.mlconnector.gusto;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code state} of the connect flow ({@code oauth_state}): random, bound to one
 * tenant, expiring, and consumed by exactly one callback, so a forged or replayed
 * callback cannot attach a grant to a tenant.
 */
class ConnectStates {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ConnectStates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String issue(String tenant, java.time.Duration ttl) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM oauth_state WHERE expires_at < ?").param(utc(now.minusSeconds(86400))).update();
		this.jdbc.sql(
				"INSERT INTO oauth_state (state, tenant, provider, created_at, expires_at) VALUES (?, ?, 'GUSTO', ?, ?)")
			.params(state, tenant, utc(now), utc(now.plus(ttl)))
			.update();
		return state;
	}

	/**
	 * Consumes a state: succeeds once, before it expires.
	 * @param state the state from the callback
	 * @return the tenant, or why the state is refused
	 */
	Consumed consume(String state) {
		Instant now = this.clock.instant();
		int updated = this.jdbc
			.sql("UPDATE oauth_state SET used_at = ? WHERE state = ? AND provider = 'GUSTO' "
					+ "AND used_at IS NULL AND expires_at > ?")
			.params(utc(now), state, utc(now))
			.update();
		Optional<Row> row = this.jdbc.sql("SELECT tenant, expires_at, used_at FROM oauth_state WHERE state = ?")
			.param(state)
			.query((rs, n) -> new Row(rs.getString("tenant"), rs.getObject("expires_at", LocalDateTime.class),
					rs.getObject("used_at", LocalDateTime.class)))
			.optional();
		if (updated == 1) {
			return new Consumed(row.orElseThrow().tenant(), null);
		}
		if (row.isEmpty()) {
			return new Consumed(null, "the state is unknown: start again at /connect/gusto?tenant=<tenant>");
		}
		if (row.get().usedAt() != null) {
			return new Consumed(null,
					"the state was already used: start again at /connect/gusto?tenant=" + row.get().tenant());
		}
		return new Consumed(null, "the state expired (the connect flow took longer than allowed): start again at "
				+ "/connect/gusto?tenant=" + row.get().tenant());
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	record Consumed(String tenant, String refusal) {

	}

	private record Row(String tenant, LocalDateTime expiresAt, LocalDateTime usedAt) {

	}

}
