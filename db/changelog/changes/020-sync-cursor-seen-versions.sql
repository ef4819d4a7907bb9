--liquibase formatted sql

--changeset ml-connector:020-sync-cursor-seen-versions
--comment: Versions (key + ETag digests) of the records a change poll saw inside its overlap window, so the next poll skips them.
ALTER TABLE sync_cursor
	ADD COLUMN seen_versions MEDIUMTEXT NULL COMMENT 'JSON array: digests of key + ETag of records changed at or after watermark minus overlap' AFTER position;
--rollback ALTER TABLE sync_cursor DROP COLUMN seen_versions;
