package io.mlconnector.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health of the Liquibase-managed schema: how many changesets are applied, the latest
 * one, and whether the Liquibase lock is stuck. A lock held longer than
 * {@code stuckAfter} means a migration died half way, and no instance can start until an
 * operator releases it.
 */
class LiquibaseHealthIndicator extends AbstractHealthIndicator {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration stuckAfter;

	LiquibaseHealthIndicator(JdbcClient jdbc, Clock clock, Duration stuckAfter) {
		super("Liquibase health check failed");
		this.jdbc = jdbc;
		this.clock = clock;
		this.stuckAfter = stuckAfter;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		int applied = this.jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Integer.class).single();
		String latest = this.jdbc.sql("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(null);
		builder.withDetail("appliedChangeSets", applied);
		if (latest != null) {
			builder.withDetail("latestChangeSet", latest);
		}
		Lock lock = this.jdbc.sql("SELECT LOCKED, LOCKGRANTED, LOCKEDBY FROM DATABASECHANGELOGLOCK WHERE ID = 1")
			.query((rs, row) -> new Lock(rs.getBoolean("LOCKED"), rs.getObject("LOCKGRANTED", LocalDateTime.class),
					rs.getString("LOCKEDBY")))
			.optional()
			.orElse(new Lock(false, null, null));
		if (lock.locked() && lock.granted() != null) {
			// Liquibase writes LOCKGRANTED in the server's local time
			Instant granted = lock.granted().atZone(ZoneId.systemDefault()).toInstant();
			builder.withDetail("lockedBy", lock.lockedBy()).withDetail("lockedSince", granted.toString());
			if (Duration.between(granted, this.clock.instant()).compareTo(this.stuckAfter) > 0) {
				builder.down()
					.withDetail("error", "The Liquibase lock has been held since " + granted + " by " + lock.lockedBy()
							+ ". If no migration is running, release it: UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0 WHERE ID = 1");
				return;
			}
		}
		builder.up();
	}

	private record Lock(boolean locked, LocalDateTime granted, String lockedBy) {
	}

}
