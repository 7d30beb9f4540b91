-- The running-month guard on server databases other than PostgreSQL (which uses an advisory lock)
-- and HSQLDB file databases (locked by HSQLDB itself): one row per month ever run, locked by the
-- process running it. The column is not called "month" on purpose: prepareMonth clears every
-- table with a month column, and this row must outlive a run.
CREATE TABLE IF NOT EXISTS codecred.month_lock (
    locked_month CHAR(7)       NOT NULL,
    holder       VARCHAR(200),
    session_id   BIGINT,
    acquired_at  TIMESTAMP,
    PRIMARY KEY (locked_month)
)
;
