-- What the check and alignment steps keep for the dossiers (beyond findings).
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
-- Each claimed (or strongly evidenced) specialty of a provider with its evidence and outcome
-- (alignSpecialties), for Specialty Alignment. outcome: SUPPORTED, WEAK, UNSUPPORTED,
-- INSUFFICIENT-DATA, UNDECLARED.
CREATE TABLE IF NOT EXISTS codecred.specialty_alignment (
    month              CHAR(7)          NOT NULL,
    npi                CHAR(10)         NOT NULL,
    specialty          VARCHAR(40)      NOT NULL,
    claimed            BOOLEAN          NOT NULL,
    evidence           VARCHAR(1000)    NOT NULL,
    evidence_share     DOUBLE PRECISION,
    supported_at       DOUBLE PRECISION,
    weak_at            DOUBLE PRECISION,
    outcome            VARCHAR(20)      NOT NULL,
    PRIMARY KEY (month, npi, specialty)
)
;
