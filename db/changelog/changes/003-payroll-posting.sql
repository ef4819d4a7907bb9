--liquibase formatted sql

--changeset ml-connector:003-payroll-posting
--comment: One row per (tenant, Gusto payroll, posting kind): what was posted to IFS, or why not.
CREATE TABLE payroll_posting (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	tenant VARCHAR(40) NOT NULL,
	payroll_uuid VARCHAR(64) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	status VARCHAR(16) NOT NULL,
	voucher_reference VARCHAR(64) NOT NULL COMMENT 'unique external reference stamped on every IFS voucher of this posting',
	ifs_voucher_keys LONGTEXT NULL COMMENT 'JSON array: company, voucher type, accounting year, voucher number per voucher',
	check_date DATE NULL,
	pay_period_start DATE NULL,
	pay_period_end DATE NULL,
	currency CHAR(3) NULL,
	gross_pay DECIMAL(19, 2) NULL,
	net_pay DECIMAL(19, 2) NULL,
	employer_taxes DECIMAL(19, 2) NULL,
	total_debit DECIMAL(19, 2) NULL,
	total_credit DECIMAL(19, 2) NULL,
	employee_count INT NULL,
	job_execution_id BIGINT NULL,
	last_error VARCHAR(4000) NULL,
	created_at DATETIME(6) NOT NULL,
	updated_at DATETIME(6) NOT NULL,
	posted_at DATETIME(6) NULL,
	version BIGINT NOT NULL DEFAULT 0,
	CONSTRAINT uk_payroll_posting UNIQUE (tenant, payroll_uuid, kind),
	CONSTRAINT uk_payroll_posting_reference UNIQUE (voucher_reference),
	CONSTRAINT ck_payroll_posting_kind CHECK (kind IN ('ACCRUAL', 'PAYMENT', 'REVERSAL')),
	CONSTRAINT ck_payroll_posting_status CHECK (status IN ('PENDING', 'POSTING', 'POSTED', 'FAILED', 'NOTHING_TO_POST')),
	CONSTRAINT ck_payroll_posting_keys CHECK (ifs_voucher_keys IS NULL OR JSON_VALID(ifs_voucher_keys)),
	CONSTRAINT ck_payroll_posting_balanced CHECK (total_debit IS NULL OR total_credit IS NULL OR total_debit = total_credit)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- the sweep finds what is not yet POSTED; operators list by tenant and date
CREATE INDEX ix_payroll_posting_status ON payroll_posting (tenant, status, check_date);
CREATE INDEX ix_payroll_posting_check_date ON payroll_posting (tenant, check_date);
--rollback DROP TABLE payroll_posting;
