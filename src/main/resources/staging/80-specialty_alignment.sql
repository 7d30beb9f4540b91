-- Owned by org.codecred.alignment.SpecialtyAlignmentTable: no other class reads or writes this table.
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
