-- Moved from staging/96-history_claim_ledger.sql (the ingest side of issue 24) when the schema came
-- under Flyway; IF NOT EXISTS kept for databases made by a build that ran that script.
-- Owned by org.codecred.history.ClaimLedgerTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
-- The claim ledger: every line a completed month counted, without member data (the content digest
-- is taken over a keyed hash of the member id), so a later month knows which claims it adjusts.
CREATE ${table_type} TABLE IF NOT EXISTS codecred.history_claim_ledger (
    history_month  CHAR(7)      NOT NULL,
    billing_npi    CHAR(10)     NOT NULL,
    claim_id       VARCHAR(64)  NOT NULL,
    line_no        INTEGER      NOT NULL,
    content_digest BIGINT       NOT NULL,
    PRIMARY KEY (history_month, billing_npi, claim_id, line_no, content_digest)
)
;
CREATE INDEX IF NOT EXISTS history_claim_ledger_by_claim ON codecred.history_claim_ledger (billing_npi, claim_id, history_month)
;
