--liquibase formatted sql

--changeset ml-connector:031-inbox-event-running
--comment: RUNNING: the event launched (or found running) a job execution and waits for it to end.
ALTER TABLE inbox_event DROP CONSTRAINT ck_inbox_event_status;
ALTER TABLE inbox_event ADD CONSTRAINT ck_inbox_event_status
	CHECK (status IN ('RECEIVED', 'PROCESSING', 'RUNNING', 'DONE', 'FAILED', 'DEAD', 'IGNORED'));
ALTER TABLE inbox_event MODIFY job_execution_id BIGINT NULL COMMENT 'the job execution the event launched or found running; a RUNNING event waits for it';
--rollback ALTER TABLE inbox_event DROP CONSTRAINT ck_inbox_event_status; ALTER TABLE inbox_event ADD CONSTRAINT ck_inbox_event_status CHECK (status IN ('RECEIVED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD', 'IGNORED'));
