-- CodeCred staging: what one month's run knows, keyed by month so several months share one database.
-- Plain SQL that HSQLDB and PostgreSQL both accept; on HSQLDB the JDBC URL makes every table CACHED
-- (rows on disk, not on the heap). Statements are separated by a line holding only ';'.
CREATE SCHEMA IF NOT EXISTS codecred
;
-- Accepted claim lines, normalized. (source_file, line_number) is the physical origin of the row.
CREATE TABLE IF NOT EXISTS codecred.claim_line (
    month            CHAR(7)       NOT NULL,
    source_file      VARCHAR(255)  NOT NULL,
    line_number      BIGINT        NOT NULL,
    claim_id         VARCHAR(64)   NOT NULL,
    line_no          INTEGER       NOT NULL,
    rendering_npi    CHAR(10)      NOT NULL,
    billing_npi      CHAR(10),
    member_id        VARCHAR(64)   NOT NULL,
    member_dob       DATE,
    service_date     DATE          NOT NULL,
    procedure_code   CHAR(5)       NOT NULL,
    modifiers        VARCHAR(16),
    units            INTEGER       NOT NULL,
    minutes          INTEGER,
    diagnosis_codes  VARCHAR(255),
    place_of_service CHAR(2),
    charge           DECIMAL(14,2),
    minutes_column   BOOLEAN       NOT NULL,
    PRIMARY KEY (month, source_file, line_number)
)
;
-- Encounter order: all lines of one provider-day arrive together in validateCoding.
CREATE INDEX IF NOT EXISTS claim_line_provider_day ON codecred.claim_line (month, rendering_npi, service_date, member_id)
;
-- Unreadable input rows (claims and roster), exported to rejected.csv.
CREATE TABLE IF NOT EXISTS codecred.rejected_row (
    month       CHAR(7)        NOT NULL,
    source_file VARCHAR(255)   NOT NULL,
    line_number BIGINT         NOT NULL,
    reason      VARCHAR(1000)  NOT NULL,
    raw         VARCHAR(8000)  NOT NULL,
    PRIMARY KEY (month, source_file, line_number)
)
;
-- The roster as loaded.
CREATE TABLE IF NOT EXISTS codecred.provider (
    month           CHAR(7)       NOT NULL,
    npi             CHAR(10)      NOT NULL,
    last_name       VARCHAR(100)  NOT NULL,
    first_name      VARCHAR(100)  NOT NULL,
    credential      VARCHAR(20)   NOT NULL,
    license_number  VARCHAR(40),
    license_state   CHAR(2),
    license_expires DATE,
    taxonomy_code   VARCHAR(10),
    specialties     VARCHAR(500),
    date_of_birth   DATE,
    line_number     BIGINT        NOT NULL,
    PRIMARY KEY (month, npi)
)
;
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
