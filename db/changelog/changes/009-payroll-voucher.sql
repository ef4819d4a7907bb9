--liquibase formatted sql

--changeset ml-connector:009-payroll-voucher
--comment: The vouchers of a payroll posting, one per IFS company: planned before anything is posted, then posted one by one.
CREATE TABLE payroll_voucher (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	tenant VARCHAR(40) NOT NULL,
	payroll_uuid VARCHAR(64) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	company VARCHAR(20) NOT NULL COMMENT 'IFS company',
	reference VARCHAR(100) NOT NULL COMMENT 'unique reference on the IFS voucher, looked up before every create',
	status VARCHAR(16) NOT NULL,
	voucher_date DATE NOT NULL,
	total_debit DECIMAL(19, 2) NOT NULL,
	total_credit DECIMAL(19, 2) NOT NULL,
	row_count INT NOT NULL,
	draft LONGTEXT NOT NULL COMMENT 'JSON: the voucher as computed (header and rows)',
	ifs_keys VARCHAR(1000) NULL COMMENT 'JSON: Company, VoucherType, AccountingYear, VoucherNo once posted',
	created_at DATETIME(6) NOT NULL,
	posted_at DATETIME(6) NULL,
	CONSTRAINT uk_payroll_voucher UNIQUE (tenant, payroll_uuid, kind, company),
	CONSTRAINT uk_payroll_voucher_reference UNIQUE (reference),
	CONSTRAINT ck_payroll_voucher_status CHECK (status IN ('PLANNED', 'POSTED')),
	CONSTRAINT ck_payroll_voucher_balanced CHECK (total_debit = total_credit),
	CONSTRAINT ck_payroll_voucher_draft CHECK (JSON_VALID(draft))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE payroll_posting DROP CONSTRAINT ck_payroll_posting_status;
ALTER TABLE payroll_posting ADD CONSTRAINT ck_payroll_posting_status
	CHECK (status IN ('PENDING', 'POSTING', 'POSTED', 'FAILED', 'NOTHING_TO_POST', 'DRY_RUN'));
ALTER TABLE payroll_posting ADD COLUMN dry_run BOOLEAN NOT NULL DEFAULT FALSE AFTER kind;
ALTER TABLE payroll_posting ADD COLUMN preview LONGTEXT NULL COMMENT 'JSON: the vouchers a dry run computed' AFTER ifs_voucher_keys;
ALTER TABLE payroll_posting DROP INDEX uk_payroll_posting;
ALTER TABLE payroll_posting ADD CONSTRAINT uk_payroll_posting UNIQUE (tenant, payroll_uuid, kind, dry_run);
--rollback DROP TABLE payroll_voucher;
