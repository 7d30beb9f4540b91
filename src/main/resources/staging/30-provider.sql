-- Owned by org.codecred.staging.ProviderTable: no other class reads or writes this table.
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
