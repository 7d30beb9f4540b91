-- Owned by org.codecred.verdict.VerdictTable: no other class reads or writes this table.
-- The verdict per rostered provider, computed once (decideVerdicts) and read by every output.
CREATE TABLE IF NOT EXISTS codecred.provider_verdict (
    month           CHAR(7)        NOT NULL,
    npi             CHAR(10)       NOT NULL,
    verdict         VARCHAR(8)     NOT NULL,
    reasons         VARCHAR(4000)  NOT NULL,
    lines           INTEGER        NOT NULL,
    coding_errors   INTEGER        NOT NULL,
    coding_accuracy DOUBLE PRECISION,
    errors          INTEGER        NOT NULL,
    warnings        INTEGER        NOT NULL,
    infos           INTEGER        NOT NULL,
    PRIMARY KEY (month, npi)
)
;
