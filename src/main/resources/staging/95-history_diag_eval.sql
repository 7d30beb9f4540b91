-- Owned by org.codecred.history.DiagnosticEvaluationTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_diag_eval (
    history_month CHAR(7)   NOT NULL,
    npi           CHAR(10)  NOT NULL,
    member_hash   CHAR(64)  NOT NULL,
    procedure_code CHAR(5)  NOT NULL,
    service_date  DATE      NOT NULL,
    PRIMARY KEY (history_month, npi, member_hash, procedure_code, service_date)
)
;
CREATE INDEX IF NOT EXISTS history_diag_eval_by_provider ON codecred.history_diag_eval (npi, member_hash, service_date)
;
