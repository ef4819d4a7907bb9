--liquibase formatted sql

--changeset ml-connector:007-outbound-rate-limit
--comment: Token buckets of outbound request budgets (per Gusto grant, per IFS tenant, ...), shared by every instance.
CREATE TABLE outbound_rate_limit (
	budget VARCHAR(191) NOT NULL COMMENT 'budget name and its limit, e.g. gusto:acme|200/PT1M',
	state VARBINARY(4096) NULL COMMENT 'Bucket4j remote bucket state',
	updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
	PRIMARY KEY (budget)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
--rollback DROP TABLE outbound_rate_limit;
