package io.mlconnector.inbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operators see of the inbox, and the replay of failed events.
 */
public class InboxEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	InboxEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * An inbox row as operators see it (without the payload).
	 *
	 * @param id row id
	 * @param source sender
	 * @param tenant tenant, if matched
	 * @param eventUuid sender's event id
	 * @param type event type
	 * @param entityType entity type
	 * @param entityId entity id
	 * @param status status
	 * @param statusReason why it is ignored, redundant, or what was launched
	 * @param attempts dispatch attempts so far
	 * @param lastError the last dispatch error
	 * @param jobExecutionId the job execution launched, if any
	 * @param occurredAt when it happened (UTC)
	 * @param receivedAt when it was received (UTC)
	 * @param nextAttemptAt when it is retried (UTC)
	 */
	public record Row(long id, InboxSource source, String tenant, String eventUuid, String type, String entityType,
			String entityId, InboxStatus status, String statusReason, int attempts, String lastError,
			Long jobExecutionId, LocalDateTime occurredAt, LocalDateTime receivedAt, LocalDateTime nextAttemptAt) {

	}

	/**
	 * Lists events, newest first.
	 * @param status filter, or {@code null}
	 * @param source filter, or {@code null}
	 * @param type filter, or {@code null}
	 * @param limit at most this many
	 * @return the events
	 */
	public List<Row> list(InboxStatus status, InboxSource source, String type, int limit) {
		return this.jdbc
			.sql("SELECT * FROM inbox_event WHERE (:status IS NULL OR status = :status) "
					+ "AND (:source IS NULL OR source = :source) AND (:type IS NULL OR event_type = :type) "
					+ "ORDER BY id DESC LIMIT :limit")
			.param("status", (status != null) ? status.name() : null)
			.param("source", (source != null) ? source.name() : null)
			.param("type", type)
			.param("limit", limit)
			.query((rs, row) -> new Row(rs.getLong("id"), InboxSource.valueOf(rs.getString("source")),
					rs.getString("tenant"), rs.getString("event_uuid"), rs.getString("event_type"),
					rs.getString("entity_type"), rs.getString("entity_id"), InboxStatus.valueOf(rs.getString("status")),
					rs.getString("status_reason"), rs.getInt("attempts"), rs.getString("last_error"),
					(Long) rs.getObject("job_execution_id", Long.class),
					rs.getObject("occurred_at", LocalDateTime.class), rs.getObject("received_at", LocalDateTime.class),
					rs.getObject("next_attempt_at", LocalDateTime.class)))
			.list();
	}

	/**
	 * Puts a FAILED or DEAD event back to RECEIVED with a fresh attempt budget.
	 * @param id the event
	 * @return the status it had, or empty if there is no such event
	 * @throws IllegalStateException if its status cannot be replayed
	 */
	public Optional<InboxStatus> replay(long id) {
		Optional<InboxStatus> current = this.jdbc.sql("SELECT status FROM inbox_event WHERE id = ?")
			.param(id)
			.query((rs, row) -> InboxStatus.valueOf(rs.getString(1)))
			.optional();
		if (current.isEmpty()) {
			return current;
		}
		int updated = this.jdbc.sql("UPDATE inbox_event SET status = 'RECEIVED', attempts = 0, next_attempt_at = :now, "
				+ "lease_owner = NULL, lease_until = NULL, updated_at = :now WHERE id = :id AND status IN ('FAILED', 'DEAD')")
			.param("now", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new IllegalStateException(
					"Inbox event " + id + " is " + current.get() + "; only FAILED or DEAD events are replayed");
		}
		return current;
	}

}
