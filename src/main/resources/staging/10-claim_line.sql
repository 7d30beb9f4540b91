-- Owned by org.codecred.staging.ClaimLineTable: no other class reads or writes this table.
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
