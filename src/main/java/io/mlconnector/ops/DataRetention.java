package io.mlconnector.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Purges rows that would otherwise grow without bound: expired {@code oauth_state} rows,
 * {@code webhook.rejected} audit events, and DONE and IGNORED {@code inbox_event} rows
 * past their retention ({@link RetentionProperties}). FAILED, DEAD, RECEIVED and
 * PROCESSING events are never purged: an operator still has to look at them. Runs on one
 * instance at a time (ShedLock {@code data-retention}).
 */
class DataRetention {

	private static final Logger logger = LoggerFactory.getLogger(DataRetention.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RetentionProperties properties;

	private final MeterRegistry registry;

	DataRetention(JdbcClient jdbc, Clock clock, RetentionProperties properties, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.registry = registry;
	}

	@Scheduled(initialDelayString = "${mlc.retention.initial-delay:5m}",
			fixedDelayString = "${mlc.retention.interval:1h}")
	@SchedulerLock(name = "data-retention", lockAtMostFor = "PT30M")
	void scheduledPurge() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			purge();
		}
		catch (RuntimeException ex) {
			logger.warn("Purging old rows failed: {}; the next run tries again", ex.getMessage());
		}
	}

	/**
	 * Purges once.
	 * @return rows deleted per table
	 */
	Map<String, Long> purge() {
		Instant now = this.clock.instant();
		Map<String, Long> deleted = new LinkedHashMap<>();
		deleted.put("oauth_state", delete("oauth_state", "DELETE FROM oauth_state WHERE expires_at < ? LIMIT ?",
				now.minus(this.properties.oauthStates())));
		deleted.put("audit_event",
				delete("audit_event", "DELETE FROM audit_event WHERE action = 'webhook.rejected' AND at < ? LIMIT ?",
						now.minus(this.properties.rejectedAuditEvents())));
		deleted.put("inbox_event",
				delete("inbox_event",
						"DELETE FROM inbox_event WHERE status IN ('DONE', 'IGNORED') AND received_at < ? LIMIT ?",
						now.minus(this.properties.inboxEvents())));
		if (deleted.values().stream().anyMatch((n) -> n > 0)) {
			logger.info("Purged rows past their retention: {}", deleted);
		}
		return deleted;
	}

	private long delete(String table, String sql, Instant before) {
		LocalDateTime cutoff = LocalDateTime.ofInstant(before, ZoneOffset.UTC);
		long total = 0;
		int batch;
		do {
			batch = this.jdbc.sql(sql).params(cutoff, this.properties.batchSize()).update();
			total += batch;
		}
		while (batch == this.properties.batchSize());
		Counter.builder("mlc.retention.deleted")
			.description("Rows purged past their retention, by table")
			.tag("table", table)
			.register(this.registry)
			.increment(total);
		return total;
	}

}
