--liquibase formatted sql

--changeset ml-connector:030-batch-execution-owner
--comment: Which service instance runs each job execution, and when each instance was last alive, so executions of a dead instance are recovered.
CREATE TABLE batch_instance_heartbeat (
	instance_id VARCHAR(128) NOT NULL COMMENT 'host:pid:random, new at every start of the service',
	host VARCHAR(255) NOT NULL,
	started_at DATETIME(6) NOT NULL COMMENT 'UTC, database time',
	heartbeat_at DATETIME(6) NOT NULL COMMENT 'UTC, database time; refreshed every mlc.batch.recovery.heartbeat-interval while the instance lives',
	PRIMARY KEY (instance_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE batch_execution_owner (
	job_execution_id BIGINT NOT NULL COMMENT 'BATCH_JOB_EXECUTION.JOB_EXECUTION_ID (no foreign key, so Batch''s own clean-up of its tables is never blocked)',
	instance_id VARCHAR(128) NOT NULL COMMENT 'batch_instance_heartbeat.instance_id of the instance that launched and runs it',
	recorded_at DATETIME(6) NOT NULL COMMENT 'UTC, database time',
	PRIMARY KEY (job_execution_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_batch_execution_owner_instance ON batch_execution_owner (instance_id);
-- recovery looks for running executions
CREATE INDEX ix_batch_job_execution_status ON BATCH_JOB_EXECUTION (STATUS);
--rollback DROP INDEX ix_batch_job_execution_status ON BATCH_JOB_EXECUTION; DROP TABLE batch_execution_owner; DROP TABLE batch_instance_heartbeat;
