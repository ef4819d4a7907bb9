--liquibase formatted sql

--changeset ml-connector:060-people-employee-link
--comment: Per tenant and Gusto employee: the IFS resource and the Visma employee it is synced to, what was applied last to each, and why the last sync of a target failed.
CREATE TABLE employee_link (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	tenant VARCHAR(40) NOT NULL,
	employee_uuid VARCHAR(64) NOT NULL COMMENT 'Gusto employee uuid',
	gusto_version VARCHAR(64) NULL COMMENT 'Gusto object version of the employee last read',
	ifs_company VARCHAR(20) NULL,
	ifs_resource_key VARCHAR(200) NULL COMMENT 'JSON: the IFS resource keys',
	ifs_applied VARCHAR(64) NULL COMMENT 'fingerprint of the state last written to IFS',
	ifs_status VARCHAR(16) NULL,
	ifs_error VARCHAR(2000) NULL,
	visma_employee_number VARCHAR(30) NULL,
	visma_applied VARCHAR(64) NULL COMMENT 'fingerprint of the state last written to Visma',
	visma_status VARCHAR(16) NULL,
	visma_error VARCHAR(2000) NULL,
	active BOOLEAN NOT NULL COMMENT 'whether Gusto shows the employee employed',
	job_execution_id BIGINT NULL,
	updated_at DATETIME(6) NOT NULL,
	CONSTRAINT uk_employee_link UNIQUE (tenant, employee_uuid),
	CONSTRAINT ck_employee_link_ifs_status CHECK (ifs_status IS NULL OR ifs_status IN ('SYNCED', 'FAILED', 'SKIPPED')),
	CONSTRAINT ck_employee_link_visma_status CHECK (visma_status IS NULL OR visma_status IN ('SYNCED', 'FAILED', 'SKIPPED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_employee_link_failed ON employee_link (tenant, ifs_status, visma_status);
--rollback DROP TABLE employee_link;
