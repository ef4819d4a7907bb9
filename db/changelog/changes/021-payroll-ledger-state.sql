--liquibase formatted sql

--changeset ml-connector:021-payroll-ledger-state
--comment: The postings of one payroll as a small state machine: a lock row per payroll, the cancellation mark, and vouchers claimed before they are sent to IFS.
CREATE TABLE payroll_state (
	tenant VARCHAR(40) NOT NULL,
	payroll_uuid VARCHAR(64) NOT NULL,
	cancelled_at DATETIME(6) NULL COMMENT 'set by the REVERSAL posting when Gusto cancelled the payroll: no accrual or payment voucher is claimed after it',
	created_at DATETIME(6) NOT NULL,
	updated_at DATETIME(6) NOT NULL,
	PRIMARY KEY (tenant, payroll_uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE payroll_voucher DROP CONSTRAINT ck_payroll_voucher_status;
ALTER TABLE payroll_voucher ADD CONSTRAINT ck_payroll_voucher_status
	CHECK (status IN ('PLANNED', 'POSTING', 'POSTED', 'WITHDRAWN'));
ALTER TABLE payroll_voucher ADD COLUMN claimed_by BIGINT NULL COMMENT 'job execution that claimed the voucher to send it to IFS' AFTER status;
ALTER TABLE payroll_voucher ADD COLUMN claimed_at DATETIME(6) NULL AFTER claimed_by;
ALTER TABLE payroll_posting DROP CONSTRAINT ck_payroll_posting_status;
ALTER TABLE payroll_posting ADD CONSTRAINT ck_payroll_posting_status
	CHECK (status IN ('PENDING', 'POSTING', 'POSTED', 'FAILED', 'NOTHING_TO_POST', 'DRY_RUN', 'CANCELLED'));
ALTER TABLE payroll_posting ADD COLUMN note VARCHAR(2000) NULL COMMENT 'why nothing or only part was posted, and warnings of the plan' AFTER last_error;
--rollback DROP TABLE payroll_state;
