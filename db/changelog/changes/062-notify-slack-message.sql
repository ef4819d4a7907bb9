--liquibase formatted sql

--changeset ml-connector:062-notify-slack-message
--comment: Per tenant and IFS record: the Slack message that notifies it (channel and ts), the version of the record it shows (ETag) and its fields, so a later change updates that message and threads what changed instead of posting again; POSTING is claimed before Slack is called, so a repeat never posts a second message.
CREATE TABLE slack_message (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	tenant VARCHAR(40) NOT NULL,
	kind VARCHAR(32) NOT NULL COMMENT 'supplier_invoice, purchase_order, payment_proposal or gl_voucher',
	record_key VARCHAR(200) NOT NULL COMMENT 'the IFS keys joined with -',
	status VARCHAR(16) NOT NULL,
	etag VARCHAR(200) NULL COMMENT 'the record version being posted (POSTING) or shown (POSTED)',
	channel VARCHAR(20) NULL,
	ts VARCHAR(32) NULL COMMENT 'Slack message ts, once posted',
	message_version INT NOT NULL DEFAULT 0 COMMENT 'iterations of the message: 1 when first posted',
	fields TEXT NULL COMMENT 'JSON: the fields the message shows, label to value',
	error VARCHAR(2000) NULL,
	job_execution_id BIGINT NULL,
	updated_at DATETIME(6) NOT NULL,
	CONSTRAINT uk_slack_message UNIQUE (tenant, kind, record_key),
	CONSTRAINT ck_slack_message_status CHECK (status IN ('POSTING', 'POSTED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE slack_message;
