--liquibase formatted sql

--changeset ml-connector:061-people-headcount
--comment: Per tenant and system (gusto, ifs, visma): how many people the last people sweep found employed, as an Active IFS resource with a Gusto reference, or as an Active Visma employee numbered by the sync.
CREATE TABLE people_headcount (
	tenant VARCHAR(40) NOT NULL,
	system_name VARCHAR(16) NOT NULL,
	headcount BIGINT NOT NULL,
	counted_at DATETIME(6) NOT NULL,
	job_execution_id BIGINT NULL,
	PRIMARY KEY (tenant, system_name),
	CONSTRAINT ck_people_headcount_system CHECK (system_name IN ('gusto', 'ifs', 'visma'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE people_headcount;
