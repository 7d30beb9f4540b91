-- Owned by org.codecred.history.RuleHistoryTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_rule (
    history_month CHAR(7)     NOT NULL,
    npi           CHAR(10)    NOT NULL,
    rule_id       VARCHAR(40) NOT NULL,
    severity      VARCHAR(8)  NOT NULL,
    findings      INTEGER     NOT NULL,
    PRIMARY KEY (history_month, npi, rule_id, severity)
)
;
