-- Owned by org.codecred.credentials.CredentialCheckTable: no other class reads or writes this table.
-- Every credential check of a rostered provider with its result, source and the source's date
-- (checkCredentials), for the dossier's Credentials sheet. seq orders the checks for display.
CREATE TABLE IF NOT EXISTS codecred.credential_check (
    month       CHAR(7)        NOT NULL,
    npi         CHAR(10)       NOT NULL,
    seq         INTEGER        NOT NULL,
    check_name  VARCHAR(60)    NOT NULL,
    result      VARCHAR(20)    NOT NULL,
    detail      VARCHAR(1000)  NOT NULL,
    source      VARCHAR(255)   NOT NULL,
    source_date DATE,
    PRIMARY KEY (month, npi, seq)
)
;
