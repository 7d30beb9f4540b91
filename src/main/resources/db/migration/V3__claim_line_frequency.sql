-- Moved from staging/11-claim_line_frequency.sql (the ingest side of issue 24) when the schema came
-- under Flyway; IF NOT EXISTS kept for databases made by a build that ran that script.
-- Owned by org.codecred.staging.ClaimLineTable: no other class reads or writes this table.
-- Claims as they really arrive (contract v3): each line's claim frequency (1 original, 7 replacement,
-- 8 void) and, after resolveClaims, why it counts nowhere (null: it counts). Added to databases made
-- before these columns existed.
ALTER TABLE codecred.claim_line ADD COLUMN IF NOT EXISTS claim_frequency CHAR(1) DEFAULT '1' NOT NULL
;
ALTER TABLE codecred.claim_line ADD COLUMN IF NOT EXISTS line_status VARCHAR(16)
;
