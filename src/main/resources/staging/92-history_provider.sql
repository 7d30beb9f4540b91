-- Owned by org.codecred.history.ProviderHistoryTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_provider (
    history_month   CHAR(7)          NOT NULL,
    npi             CHAR(10)         NOT NULL,
    verdict         VARCHAR(8)       NOT NULL,
    lines           INTEGER          NOT NULL,
    coding_accuracy DOUBLE PRECISION,
    errors          INTEGER          NOT NULL,
    warnings        INTEGER          NOT NULL,
    infos           INTEGER          NOT NULL,
    PRIMARY KEY (history_month, npi)
)
;
CREATE INDEX IF NOT EXISTS history_provider_by_npi ON codecred.history_provider (npi, history_month)
;
