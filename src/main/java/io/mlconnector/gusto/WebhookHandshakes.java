package io.mlconnector.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The webhook handshakes this service expects ({@code gusto_webhook_handshake}): one per
 * subscription the operator asked for, from just before the subscription is created until
 * its verification token is verified or the handshake window ends. An unsigned handshake
 * POST while none is expected is refused without calling Gusto.
 */
class WebhookHandshakes {

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookHandshakes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Expects a handshake for a subscription about to be created or updated (Gusto may
	 * POST the token before its answer to the creation arrives).
	 * @return the expectation's id
	 */
	long expect(String tenant, String application, String url, Duration window) {
		Instant now = this.clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake WHERE expires_at < ?").param(utc(now)).update();
		this.jdbc
			.sql("INSERT INTO gusto_webhook_handshake (tenant, application, url, requested_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(tenant, application, url, utc(now), utc(now.plus(window)))
			.update(keys);
		return keys.getKey().longValue();
	}

	void identified(long id, String subscriptionUuid) {
		this.jdbc.sql("UPDATE gusto_webhook_handshake SET subscription_uuid = ? WHERE id = ?")
			.params(subscriptionUuid, id)
			.update();
	}

	/**
	 * The handshakes expected now, newest first.
	 */
	List<Expected> expected() {
		return this.jdbc
			.sql("SELECT id, tenant, application, url, subscription_uuid FROM gusto_webhook_handshake "
					+ "WHERE expires_at > ? ORDER BY id DESC LIMIT 5")
			.param(utc(this.clock.instant()))
			.query((rs, n) -> new Expected(rs.getLong("id"), rs.getString("tenant"), rs.getString("application"),
					rs.getString("url"), rs.getString("subscription_uuid")))
			.list();
	}

	void completed(long id) {
		this.jdbc.sql("DELETE FROM gusto_webhook_handshake WHERE id = ?").param(id).update();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * A handshake this service expects.
	 *
	 * @param id the expectation
	 * @param tenant a tenant of the subscription's Gusto application
	 * @param application base URL and client id of the application
	 * @param url the URL the subscription delivers to
	 * @param subscriptionUuid the subscription, when Gusto has answered its creation
	 */
	record Expected(long id, String tenant, String application, String url, String subscriptionUuid) {

	}

}
