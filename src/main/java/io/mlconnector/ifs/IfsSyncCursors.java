package io.mlconnector.ifs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Change-poll watermarks of IFS entity sets in {@code sync_cursor}, committed with an
 * optimistic version check so two instances never both move a watermark.
 */
class IfsSyncCursors {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	IfsSyncCursors(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A stored cursor.
	 *
	 * @param watermark the last change timestamp seen, null before the first poll
	 * @param lastKey key of the last record at the watermark (tie-break), or null
	 * @param seen digests of key + ETag of records inside the overlap window
	 * @param version the row version, -1 if there is no row yet
	 */
	record Cursor(Instant watermark, Map<String, Object> lastKey, Set<String> seen, long version) {

		static final Cursor NONE = new Cursor(null, null, Set.of(), -1);

	}

	Cursor load(String tenant, String name) {
		Optional<Cursor> cursor = this.jdbc
			.sql("SELECT watermark, tie_break_keys, seen_versions, version FROM sync_cursor "
					+ "WHERE tenant = ? AND cursor_name = ?")
			.params(tenant, name)
			.query((rs, row) -> {
				LocalDateTime watermark = rs.getObject("watermark", LocalDateTime.class);
				String keys = rs.getString("tie_break_keys");
				String seen = rs.getString("seen_versions");
				return new Cursor((watermark != null) ? watermark.toInstant(ZoneOffset.UTC) : null,
						(keys != null) ? this.json.readValue(keys, OBJECT) : null,
						(seen != null) ? Set.copyOf(this.json.readValue(seen, STRINGS)) : Set.of(),
						rs.getLong("version"));
			})
			.optional();
		return cursor.orElse(Cursor.NONE);
	}

	/**
	 * Moves the watermark, if nobody else did since {@code previous} was loaded.
	 * @param tenant the tenant
	 * @param name the cursor name
	 * @param previous the cursor as loaded
	 * @param next the new state
	 * @throws IfsCursorConflictException if another poller committed first
	 */
	void commit(String tenant, String name, Cursor previous, Cursor next) {
		LocalDateTime watermark = (next.watermark() != null) ? LocalDateTime.ofInstant(next.watermark(), ZoneOffset.UTC)
				: null;
		String keys = (next.lastKey() != null) ? this.json.writeValueAsString(next.lastKey()) : null;
		String seen = this.json.writeValueAsString(List.copyOf(next.seen()));
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (previous.version() < 0) {
			try {
				this.jdbc
					.sql("INSERT INTO sync_cursor (tenant, cursor_name, watermark, tie_break_keys, seen_versions, "
							+ "version, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?)")
					.params(tenant, name, watermark, keys, seen, now)
					.update();
				return;
			}
			catch (DuplicateKeyException ex) {
				throw new IfsCursorConflictException(tenant, name);
			}
		}
		int updated = this.jdbc
			.sql("UPDATE sync_cursor SET watermark = ?, tie_break_keys = ?, seen_versions = ?, version = version + 1, "
					+ "updated_at = ? WHERE tenant = ? AND cursor_name = ? AND version = ?")
			.params(watermark, keys, seen, now, tenant, name, previous.version())
			.update();
		if (updated == 0) {
			throw new IfsCursorConflictException(tenant, name);
		}
	}

}
