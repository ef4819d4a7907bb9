package io.mlconnector.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code slack_message}: which Slack message notifies which IFS record. Every change is
 * written in a transaction of its own, so what was claimed or posted survives a chunk
 * that rolls back: the claim is what keeps a repeat from posting a second message.
 */
public final class SlackMessages {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	SlackMessages(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The message of a record.
	 * @param tenant the tenant
	 * @param kind the record's kind
	 * @param key the record's key
	 * @return the row, empty before the record was first notified
	 */
	public Optional<Stored> find(String tenant, ErpRecordKind kind, String key) {
		return this.jdbc.sql("SELECT * FROM slack_message WHERE tenant = ? AND kind = ? AND record_key = ?")
			.params(tenant, kind.id(), key)
			.query(SlackMessages::stored)
			.optional();
	}

	/**
	 * The records whose last version could not be notified, with the reason, newest
	 * first.
	 * @param tenant the tenant, or {@code null} for all
	 * @param limit at most this many
	 * @return the rows
	 */
	public List<Stored> failed(String tenant, int limit) {
		return this.jdbc
			.sql("SELECT * FROM slack_message WHERE (:tenant IS NULL OR tenant = :tenant) AND status = 'FAILED' "
					+ "ORDER BY updated_at DESC LIMIT :limit")
			.param("tenant", tenant)
			.param("limit", limit)
			.query(SlackMessages::stored)
			.list();
	}

	/**
	 * Claims a record's message for a version before Slack is called: only a row that is
	 * not POSTING is claimed (or a record without a row).
	 * @param tenant the tenant
	 * @param kind the kind
	 * @param key the record's key
	 * @param etag the version to post
	 * @param executionId the job execution
	 * @return whether the claim was made; {@code false} when a post of the record is
	 * under way or its outcome unknown
	 */
	boolean claim(String tenant, ErpRecordKind kind, String key, String etag, long executionId) {
		LocalDateTime now = now();
		return Boolean.TRUE.equals(this.ownTransaction.execute((status) -> {
			int inserted = this.jdbc.sql("""
					INSERT IGNORE INTO slack_message (tenant, kind, record_key, status, etag, job_execution_id,
						updated_at)
					VALUES (?, ?, ?, 'POSTING', ?, ?, ?)
					""").params(tenant, kind.id(), key, etag, executionId, now).update();
			if (inserted == 1) {
				return true;
			}
			return this.jdbc.sql("""
					UPDATE slack_message SET status = 'POSTING', etag = ?, error = NULL, job_execution_id = ?,
						updated_at = ?
					WHERE tenant = ? AND kind = ? AND record_key = ? AND status <> 'POSTING'
					""").params(etag, executionId, now, tenant, kind.id(), key).update() == 1;
		}));
	}

	/**
	 * Records the message Slack accepted for the claimed version.
	 */
	void posted(String tenant, ErpRecordKind kind, String key, String etag, String channel, String ts, int version,
			String fields) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				UPDATE slack_message SET status = 'POSTED', etag = ?, channel = ?, ts = ?, message_version = ?,
					fields = ?, error = NULL, updated_at = ?
				WHERE tenant = ? AND kind = ? AND record_key = ?
				""").params(etag, channel, ts, version, fields, now(), tenant, kind.id(), key).update());
	}

	/**
	 * Records that a version could not be notified, and why. The message posted before,
	 * if any, stays the record's message.
	 */
	void failed(String tenant, ErpRecordKind kind, String key, String etag, String error, long executionId) {
		LocalDateTime now = now();
		String reason = (error.length() > 2000) ? error.substring(0, 1999) + "…" : error;
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				INSERT INTO slack_message (tenant, kind, record_key, status, etag, error, job_execution_id, updated_at)
				VALUES (?, ?, ?, 'FAILED', ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE status = 'FAILED', etag = VALUES(etag), error = VALUES(error),
					job_execution_id = VALUES(job_execution_id), updated_at = VALUES(updated_at)
				""").params(tenant, kind.id(), key, etag, reason, executionId, now).update());
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getString("tenant"), ErpRecordKind.of(rs.getString("kind")), rs.getString("record_key"),
				rs.getString("status"), rs.getString("etag"), rs.getString("channel"), rs.getString("ts"),
				rs.getInt("message_version"), rs.getString("fields"), rs.getString("error"),
				rs.getObject("updated_at", LocalDateTime.class));
	}

	/**
	 * A record's message.
	 *
	 * @param tenant the tenant
	 * @param kind the record's kind
	 * @param key the record's key
	 * @param status POSTING (claimed, Slack called or about to be), POSTED or FAILED
	 * @param etag the version claimed, shown, or that failed
	 * @param channel the message's channel, once posted
	 * @param ts the message's ts, once posted
	 * @param version the message's iterations
	 * @param fields JSON of the fields shown
	 * @param error why the last version failed
	 * @param updatedAt when (UTC)
	 */
	public record Stored(String tenant, ErpRecordKind kind, String key, String status, String etag, String channel,
			String ts, int version, String fields, String error, LocalDateTime updatedAt) {

	}

}
