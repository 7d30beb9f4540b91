-- Owned by org.codecred.staging.FindingTable: no other class reads or writes this table.
-- Every finding of every rule; findings.csv and the workbooks are written from here.
CREATE TABLE IF NOT EXISTS codecred.finding (
    month          CHAR(7)        NOT NULL,
    provider_npi   CHAR(10)       NOT NULL,
    claim_id       VARCHAR(64),
    line_no        INTEGER,
    service_date   DATE,
    procedure_code CHAR(5),
    rule_id        VARCHAR(40)    NOT NULL,
    severity       VARCHAR(8)     NOT NULL,
    subject        VARCHAR(100)   NOT NULL,
    message        VARCHAR(1000)  NOT NULL,
    source_file    VARCHAR(255),
    source_line    BIGINT
)
;
CREATE INDEX IF NOT EXISTS finding_by_provider ON codecred.finding (month, provider_npi)
;
