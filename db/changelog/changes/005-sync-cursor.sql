--liquibase formatted sql

--changeset ml-connector:005-sync-cursor
--comment: Watermarks of polled sources, committed only after a page chain succeeded.
CREATE TABLE sync_cursor (
	tenant VARCHAR(40) NOT NULL,
	cursor_name VARCHAR(128) NOT NULL COMMENT 'what is polled, e.g. ifs:SupplierInvoiceSet or gusto:events',
	watermark DATETIME(6) NULL COMMENT 'UTC; last seen change timestamp',
	tie_break_keys VARCHAR(2000) NULL COMMENT 'JSON: keys of the last record at the watermark, for stable ordering',
	position VARCHAR(2000) NULL COMMENT 'opaque source cursor, e.g. the last Gusto event uuid',
	version BIGINT NOT NULL DEFAULT 0,
	updated_at DATETIME(6) NOT NULL,
	PRIMARY KEY (tenant, cursor_name),
	CONSTRAINT ck_sync_cursor_keys CHECK (tie_break_keys IS NULL OR JSON_VALID(tie_break_keys))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE sync_cursor;
