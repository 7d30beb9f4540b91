-- The staging engine's tables (DuckDB, beside an embedded HSQLDB file database; docs/database.md).
-- Owned by org.codecred.staging.ClaimLineTable, as codecred.claim_line in the migrations is: the same
-- columns in the same order. No key and no index: a columnar engine scans and groups faster than it
-- maintains an index, and the load is idempotent by file and line without one (a partition's first
-- chunk clears its file past the last commit). Run at every start; IF NOT EXISTS keeps earlier months.
CREATE SCHEMA IF NOT EXISTS codecred;
CREATE TABLE IF NOT EXISTS codecred.claim_line (
    month            VARCHAR       NOT NULL,
    source_file      VARCHAR       NOT NULL,
    line_number      BIGINT        NOT NULL,
    claim_id         VARCHAR       NOT NULL,
    line_no          INTEGER       NOT NULL,
    rendering_npi    VARCHAR       NOT NULL,
    billing_npi      VARCHAR,
    member_id        VARCHAR       NOT NULL,
    member_dob       DATE,
    service_date     DATE          NOT NULL,
    procedure_code   VARCHAR       NOT NULL,
    modifiers        VARCHAR,
    units            INTEGER       NOT NULL,
    minutes          INTEGER,
    diagnosis_codes  VARCHAR,
    place_of_service VARCHAR,
    charge           DECIMAL(14,2),
    minutes_column   BOOLEAN       NOT NULL,
    claim_frequency  VARCHAR       NOT NULL,
    line_status      VARCHAR
);
-- Exact resubmissions that resolveClaims took out of the month: kept here, not deleted, so that a
-- rerun of resolveClaims after a kill can put them back and resolve the month as loaded.
CREATE TABLE IF NOT EXISTS codecred.claim_line_repeat AS SELECT * FROM codecred.claim_line WITH NO DATA;
