--liquibase formatted sql

--changeset ml-connector:050-hardening-gusto-webhook-handshake
--comment: Webhook handshakes this service expects: a subscription it asked Gusto for and whose verification token has not arrived yet. Without one, an unsigned handshake POST is refused without calling Gusto.
CREATE TABLE gusto_webhook_handshake (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	tenant VARCHAR(40) NOT NULL COMMENT 'tenant whose Gusto application (system token) owns the subscription',
	application VARCHAR(512) NOT NULL COMMENT 'the Gusto application: base URL and client id',
	url VARCHAR(1024) NOT NULL COMMENT 'the URL of this service the subscription delivers to',
	subscription_uuid VARCHAR(64) NULL COMMENT 'the subscription, once Gusto answered its creation',
	requested_at DATETIME(6) NOT NULL COMMENT 'UTC; when the operator asked for the subscription',
	expires_at DATETIME(6) NOT NULL COMMENT 'UTC; a handshake after this is refused (mlc.gusto.handshake-window)'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gusto_webhook_handshake_expires ON gusto_webhook_handshake (expires_at);
--rollback DROP TABLE gusto_webhook_handshake;
