--liquibase formatted sql

--changeset ml-connector:006-audit-event
--comment: Append-only audit trail: who did what to which subject, when, with what outcome.
CREATE TABLE audit_event (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at DATETIME(6) NOT NULL COMMENT 'UTC',
	tenant VARCHAR(40) NULL,
	actor VARCHAR(128) NOT NULL COMMENT 'operator token name, system component, or remote address',
	action VARCHAR(64) NOT NULL,
	subject VARCHAR(255) NOT NULL COMMENT 'e.g. payroll:<uuid>, execution:42, inbox:17',
	outcome VARCHAR(16) NOT NULL,
	detail LONGTEXT NULL,
	CONSTRAINT ck_audit_event_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE', 'REJECTED')),
	CONSTRAINT ck_audit_event_detail CHECK (detail IS NULL OR JSON_VALID(detail))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_event_subject ON audit_event (subject, at);
CREATE INDEX ix_audit_event_tenant ON audit_event (tenant, at);
CREATE INDEX ix_audit_event_at ON audit_event (at);
--rollback DROP TABLE audit_event;
