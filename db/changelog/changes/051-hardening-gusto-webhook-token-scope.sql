--liquibase formatted sql

--changeset ml-connector:050-hardening-gusto-webhook-token-scope
--comment: Each verification token is scoped to the subscription and Gusto application it verified, and retired some time after a newer token replaced it.
ALTER TABLE gusto_webhook_token
	ADD COLUMN application VARCHAR(512) NULL COMMENT 'the Gusto application (base URL and client id) whose subscription the token verified; rows without one are not used',
	ADD COLUMN url VARCHAR(1024) NULL COMMENT 'the URL of this service the subscription delivers to',
	ADD COLUMN retire_after DATETIME(6) NULL COMMENT 'UTC; set when a newer token of the same application replaced this one, which then stops verifying after it';
--rollback ALTER TABLE gusto_webhook_token DROP COLUMN application, DROP COLUMN url, DROP COLUMN retire_after;
