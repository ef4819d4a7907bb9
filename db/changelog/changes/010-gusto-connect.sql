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

--changeset ml-connector:010-gusto-webhook-token
--comment: Gusto webhook verification tokens received in the subscription handshake, encrypted with AES-GCM.
CREATE TABLE gusto_webhook_token (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	subscription_uuid VARCHAR(64) NOT NULL COMMENT 'the Gusto webhook subscription the token verified',
	token_enc TEXT NOT NULL COMMENT 'base64(nonce || ciphertext || tag)',
	key_id VARCHAR(64) NOT NULL COMMENT 'id of the key the token is encrypted with',
	verified_at DATETIME(6) NOT NULL COMMENT 'UTC; when Gusto accepted the token'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gusto_webhook_token_verified ON gusto_webhook_token (verified_at);
--rollback DROP TABLE gusto_webhook_token;
