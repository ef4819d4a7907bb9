package io.mlconnector.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only audit trail ({@code audit_event}). Entries are only ever inserted.
 */
@Component
public class AuditTrail {

	private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records an action now.
	 * @param tenant the tenant concerned, or {@code null}
	 * @param actor who acted
	 * @param action what was done
	 * @param subject what it was done to
	 * @param outcome how it ended
	 * @param detail further facts (never secrets)
	 * @return the stored event
	 */
	public AuditEvent record(String tenant, String actor, String action, String subject, AuditOutcome outcome,
			Map<String, Object> detail) {
		Instant at = this.clock.instant();
		AuditEvent event = new AuditEvent(null, at, tenant, actor, action, subject, outcome, detail);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO audit_event (at, tenant, actor, action, subject, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(utc(at), tenant, actor, action, subject, outcome.name(),
					this.json.writeValueAsString(event.detail()))
			.update(keys, "id");
		return new AuditEvent(keys.getKeyAs(Number.class).longValue(), at, tenant, actor, action, subject, outcome,
				event.detail());
	}

	/**
	 * The most recent events about a subject, newest first.
	 * @param subject the subject
	 * @param limit the maximum number of events
	 * @return the events
	 */
	public List<AuditEvent> forSubject(String subject, int limit) {
		return this.jdbc.sql("SELECT * FROM audit_event WHERE subject = ? ORDER BY at DESC, id DESC LIMIT ?")
			.params(subject, limit)
			.query(this::map)
			.list();
	}

	/**
	 * Searches the trail, newest first.
	 * @param subject exact subject, or {@code null}
	 * @param tenant tenant, or {@code null}
	 * @param since only events at or after this instant, or {@code null}
	 * @param page page number, from 0
	 * @param size page size
	 * @return the page
	 */
	public List<AuditEvent> search(String subject, String tenant, Instant since, int page, int size) {
		return this.jdbc
			.sql("SELECT * FROM audit_event WHERE (:subject IS NULL OR subject = :subject) "
					+ "AND (:tenant IS NULL OR tenant = :tenant) AND (:since IS NULL OR at >= :since) "
					+ "ORDER BY at DESC, id DESC LIMIT :size OFFSET :offset")
			.param("subject", subject)
			.param("tenant", tenant)
			.param("since", (since != null) ? utc(since) : null)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	private AuditEvent map(ResultSet rs, int row) throws SQLException {
		String detail = rs.getString("detail");
		return new AuditEvent(rs.getLong("id"), rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
				rs.getString("tenant"), rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
				AuditOutcome.valueOf(rs.getString("outcome")),
				(detail != null) ? this.json.readValue(detail, DETAIL) : null);
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
