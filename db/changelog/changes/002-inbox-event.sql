--liquibase formatted sql

--changeset ml-connector:002-inbox-event
--comment: Every received webhook, Slack command or interaction, stored before it is acknowledged.
CREATE TABLE inbox_event (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	source VARCHAR(16) NOT NULL COMMENT 'GUSTO or SLACK',
	tenant VARCHAR(40) NULL COMMENT 'null when the sender could not be matched to a tenant (then IGNORED)',
	event_uuid VARCHAR(128) NOT NULL COMMENT 'sender''s event id: Gusto uuid, Slack event_id, or a digest for commands',
	event_type VARCHAR(128) NOT NULL COMMENT 'e.g. payroll.processed, slash_command, block_actions',
	entity_type VARCHAR(64) NULL COMMENT 'e.g. Payroll, Employee',
	entity_id VARCHAR(128) NULL COMMENT 'e.g. the payroll uuid',
	occurred_at DATETIME(6) NULL COMMENT 'UTC; when the sender says it happened',
	received_at DATETIME(6) NOT NULL COMMENT 'UTC',
	content_type VARCHAR(100) NOT NULL,
	payload MEDIUMTEXT NOT NULL COMMENT 'raw body as received',
	status VARCHAR(16) NOT NULL,
	status_reason VARCHAR(1000) NULL COMMENT 'why IGNORED, or which later event made it redundant',
	attempts INT NOT NULL DEFAULT 0,
	next_attempt_at DATETIME(6) NULL COMMENT 'UTC; a FAILED row is retried from then on',
	lease_owner VARCHAR(128) NULL,
	lease_until DATETIME(6) NULL COMMENT 'UTC; a PROCESSING row whose lease expired is claimed again',
	job_execution_id BIGINT NULL,
	last_error VARCHAR(4000) NULL,
	updated_at DATETIME(6) NOT NULL,
	CONSTRAINT uk_inbox_event_source_uuid UNIQUE (source, event_uuid),
	CONSTRAINT ck_inbox_event_status CHECK (status IN ('RECEIVED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD', 'IGNORED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- the dispatcher claims due rows: WHERE status IN (...) AND next_attempt_at <= ? ORDER BY id ... FOR UPDATE SKIP LOCKED
CREATE INDEX ix_inbox_event_claim ON inbox_event (status, next_attempt_at, id);
-- events of one entity are processed in the sender's order
CREATE INDEX ix_inbox_event_entity ON inbox_event (tenant, entity_type, entity_id, occurred_at);
-- expired leases are found by time
CREATE INDEX ix_inbox_event_lease ON inbox_event (status, lease_until);
CREATE INDEX ix_inbox_event_received ON inbox_event (received_at);
--rollback DROP TABLE inbox_event;
