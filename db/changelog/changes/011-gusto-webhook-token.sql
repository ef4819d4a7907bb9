--liquibase formatted sql

--changeset ml-connector:011-gusto-webhook-token
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
