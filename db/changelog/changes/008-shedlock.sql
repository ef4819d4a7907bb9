--liquibase formatted sql

--changeset ml-connector:008-shedlock
--comment: ShedLock: one row per scheduled task, so a schedule runs on one instance at a time.
CREATE TABLE shedlock (
	name VARCHAR(64) NOT NULL COMMENT 'the scheduled task',
	lock_until TIMESTAMP(6) NOT NULL COMMENT 'UTC, database time; the lock is free after it',
	locked_at TIMESTAMP(6) NOT NULL COMMENT 'UTC, database time',
	locked_by VARCHAR(255) NOT NULL COMMENT 'instance holding the lock',
	PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE shedlock;
