-- Owned by org.codecred.history.MetricHistoryTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_metric (
    history_month CHAR(7)          NOT NULL,
    npi           CHAR(10)         NOT NULL,
    metric_id     VARCHAR(60)      NOT NULL,
    metric_value  DOUBLE PRECISION,
    PRIMARY KEY (history_month, npi, metric_id)
)
;
CREATE INDEX IF NOT EXISTS history_metric_by_npi ON codecred.history_metric (npi, history_month)
;
