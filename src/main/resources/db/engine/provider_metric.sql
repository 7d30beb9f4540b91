-- The month's provider metrics in the staging engine (DuckDB; docs/database.md), beside the claim lines.
-- Owned by org.codecred.alignment.MetricTable, as codecred.provider_metric in the migrations is: the same
-- columns in the same order. No key and no index (the engine scans and groups faster than it keeps an
-- index): alignSpecialties' write is idempotent by provider instead, each chunk deleting its providers'
-- rows of the month before it appends them. Run at every start; IF NOT EXISTS keeps earlier months.
CREATE SCHEMA IF NOT EXISTS codecred;
CREATE TABLE IF NOT EXISTS codecred.provider_metric (
    month          VARCHAR  NOT NULL,
    npi            VARCHAR  NOT NULL,
    metric_id      VARCHAR  NOT NULL,
    metric_value   DOUBLE,
    peer_group     VARCHAR,
    peer_size      INTEGER,
    peer_median    DOUBLE,
    peer_threshold DOUBLE
);
