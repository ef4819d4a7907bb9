--liquibase formatted sql

--changeset ml-connector:004-oauth-token
--comment: OAuth grants per tenant and provider, tokens encrypted with AES-GCM.
CREATE TABLE oauth_token (
	tenant VARCHAR(40) NOT NULL,
	provider VARCHAR(16) NOT NULL COMMENT 'GUSTO, IFS, VISMA',
	external_account VARCHAR(128) NULL COMMENT 'the account the grant is for, e.g. the Gusto company uuid',
	access_token_enc TEXT NULL COMMENT 'base64(nonce || ciphertext || tag)',
	refresh_token_enc TEXT NULL COMMENT 'base64(nonce || ciphertext || tag); single-use at Gusto',
	key_id VARCHAR(64) NOT NULL COMMENT 'id of the key both tokens are encrypted with, so keys can rotate',
	scope VARCHAR(1000) NULL,
	expires_at DATETIME(6) NULL COMMENT 'UTC; when the access token expires',
	status VARCHAR(24) NOT NULL,
	status_reason VARCHAR(1000) NULL,
	refresh_owner VARCHAR(128) NULL COMMENT 'instance refreshing right now',
	refresh_until DATETIME(6) NULL COMMENT 'UTC; refresh claim expiry, so a crashed refresher does not block forever',
	version BIGINT NOT NULL DEFAULT 0 COMMENT 'optimistic lock: the single-use refresh token rotates exactly once',
	created_at DATETIME(6) NOT NULL,
	updated_at DATETIME(6) NOT NULL,
	PRIMARY KEY (tenant, provider),
	CONSTRAINT ck_oauth_token_status CHECK (status IN ('ACTIVE', 'RECONNECT_REQUIRED', 'REVOKED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_oauth_token_account ON oauth_token (provider, external_account);
--rollback DROP TABLE oauth_token;
