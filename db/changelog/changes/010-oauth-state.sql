--liquibase formatted sql

--changeset ml-connector:010-oauth-state
--comment: Single-use, expiring OAuth state of the connect flow (authorization code grant).
CREATE TABLE oauth_state (
	state VARCHAR(64) NOT NULL PRIMARY KEY COMMENT 'random, URL-safe; sent to the authorize URL and echoed back',
	tenant VARCHAR(40) NOT NULL,
	provider VARCHAR(16) NOT NULL COMMENT 'GUSTO',
	created_at DATETIME(6) NOT NULL COMMENT 'UTC',
	expires_at DATETIME(6) NOT NULL COMMENT 'UTC; a callback after this is refused',
	used_at DATETIME(6) NULL COMMENT 'UTC; set by the one callback that consumed the state'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_oauth_state_expires ON oauth_state (expires_at);
--rollback DROP TABLE oauth_state;
