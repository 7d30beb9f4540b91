-- Owned by org.codecred.alignment.MetricTable: no other class reads or writes this table.
-- Per-provider coding metrics with their peer comparison (alignSpecialties), for Coding Profile.
CREATE TABLE IF NOT EXISTS codecred.provider_metric (
    month          CHAR(7)          NOT NULL,
    npi            CHAR(10)         NOT NULL,
    metric_id      VARCHAR(60)      NOT NULL,
    metric_value   DOUBLE PRECISION,
    peer_group     VARCHAR(40),
    peer_size      INTEGER,
    peer_median    DOUBLE PRECISION,
    peer_threshold DOUBLE PRECISION,
    PRIMARY KEY (month, npi, metric_id)
)
;
