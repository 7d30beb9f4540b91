-- Owned by org.codecred.history.HistoryRunTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_run (
    history_month CHAR(7)   NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    providers     INTEGER   NOT NULL,
    lines         BIGINT    NOT NULL,
    PRIMARY KEY (history_month)
)
;
