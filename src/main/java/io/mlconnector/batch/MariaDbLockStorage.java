package io.mlconnector.batch;

import java.time.Duration;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.support.AbstractStorageAccessor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ShedLock's lock records in the {@code shedlock} table. Every time comparison uses the
 * database's clock ({@code UTC_TIMESTAMP(6)}), not the instances' clocks, so instances
 * whose clocks drift apart still agree on when a lock expires.
 */
class MariaDbLockStorage extends AbstractStorageAccessor {

	private final JdbcClient jdbc;

	private final String instance;

	MariaDbLockStorage(JdbcClient jdbc, String instance) {
		this.jdbc = jdbc;
		this.instance = instance;
	}

	@Override
	public boolean insertRecord(LockConfiguration lock) {
		try {
			return this.jdbc
				.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) "
						+ "VALUES (:name, TIMESTAMPADD(MICROSECOND, :atMost, UTC_TIMESTAMP(6)), UTC_TIMESTAMP(6), :by)")
				.param("name", lock.getName())
				.param("atMost", micros(lock.getLockAtMostFor()))
				.param("by", this.instance)
				.update() > 0;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public boolean updateRecord(LockConfiguration lock) {
		return this.jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMPADD(MICROSECOND, :atMost, UTC_TIMESTAMP(6)), "
				+ "locked_at = UTC_TIMESTAMP(6), locked_by = :by WHERE name = :name AND lock_until <= UTC_TIMESTAMP(6)")
			.param("atMost", micros(lock.getLockAtMostFor()))
			.param("by", this.instance)
			.param("name", lock.getName())
			.update() > 0;
	}

	@Override
	public boolean extend(LockConfiguration lock) {
		return this.jdbc
			.sql("UPDATE shedlock SET lock_until = TIMESTAMPADD(MICROSECOND, :atMost, UTC_TIMESTAMP(6)) "
					+ "WHERE name = :name AND locked_by = :by AND lock_until > UTC_TIMESTAMP(6)")
			.param("atMost", micros(lock.getLockAtMostFor()))
			.param("name", lock.getName())
			.param("by", this.instance)
			.update() > 0;
	}

	@Override
	public void unlock(LockConfiguration lock) {
		// held at least until locked_at + lockAtLeastFor, so a fast task does not run
		// again
		// on another instance right away
		this.jdbc
			.sql("UPDATE shedlock SET lock_until = GREATEST(UTC_TIMESTAMP(6), "
					+ "TIMESTAMPADD(MICROSECOND, :atLeast, locked_at)) WHERE name = :name AND locked_by = :by")
			.param("atLeast", micros(lock.getLockAtLeastFor()))
			.param("name", lock.getName())
			.param("by", this.instance)
			.update();
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1_000;
	}

}
