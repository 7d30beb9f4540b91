-- The schema as the last release before Flyway (commit e8d6dce) created it: its staging/*.sql in
-- name order, every statement IF NOT EXISTS, then the digest table it kept of them. For
-- SchemaUpgradeTest; statements are separated by a line holding only ';'. Never change this file.
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
-- Owned by org.codecred.staging.RenderingNpiTable: no other class reads or writes this table.
-- The month's rendering NPIs with their line counts and first and last service dates, staged once
-- after the load (step listRenderingNpis) so the later steps read a few thousand rows instead of
-- each grouping the month's lines again.
CREATE TABLE IF NOT EXISTS codecred.rendering_npi (
    month            CHAR(7)       NOT NULL,
    rendering_npi    CHAR(10)      NOT NULL,
    lines            BIGINT        NOT NULL,
    first_service    DATE          NOT NULL,
    last_service     DATE          NOT NULL,
    PRIMARY KEY (month, rendering_npi)
)
;
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
-- Owned by org.codecred.staging.RejectTable: no other class reads or writes this table.
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
-- Owned by org.codecred.staging.FindingTable: no other class reads or writes this table.
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
-- Owned by org.codecred.verdict.VerdictTable: no other class reads or writes this table.
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
-- Owned by org.codecred.staging.SourceFileTable: no other class reads or writes this table.
-- Every published source file a month's checks used (CMS PTP/MUE, NUCC, NPPES, OIG LEIE, SAM.gov,
-- Medicare opt-out): kind, file name, publication date, rows and SHA-256, for the Sources sheets.
CREATE TABLE IF NOT EXISTS codecred.source_file (
    month       CHAR(7)        NOT NULL,
    seq         INTEGER        NOT NULL,
    kind        VARCHAR(40)    NOT NULL,
    file_name   VARCHAR(255)   NOT NULL,
    published   DATE,
    row_count   BIGINT         NOT NULL,
    sha256      CHAR(64)       NOT NULL,
    PRIMARY KEY (month, seq)
)
;
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
-- Owned by org.codecred.history.HistoryRunTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_run (
    history_month CHAR(7)   NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    providers     INTEGER   NOT NULL,
    lines         BIGINT    NOT NULL,
    PRIMARY KEY (history_month)
)
;
-- Owned by org.codecred.history.ProviderHistoryTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_provider (
    history_month   CHAR(7)          NOT NULL,
    npi             CHAR(10)         NOT NULL,
    verdict         VARCHAR(8)       NOT NULL,
    lines           INTEGER          NOT NULL,
    coding_accuracy DOUBLE PRECISION,
    errors          INTEGER          NOT NULL,
    warnings        INTEGER          NOT NULL,
    infos           INTEGER          NOT NULL,
    PRIMARY KEY (history_month, npi)
)
;
CREATE INDEX IF NOT EXISTS history_provider_by_npi ON codecred.history_provider (npi, history_month)
;
-- Owned by org.codecred.history.RuleHistoryTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_rule (
    history_month CHAR(7)     NOT NULL,
    npi           CHAR(10)    NOT NULL,
    rule_id       VARCHAR(40) NOT NULL,
    severity      VARCHAR(8)  NOT NULL,
    findings      INTEGER     NOT NULL,
    PRIMARY KEY (history_month, npi, rule_id, severity)
)
;
-- Owned by org.codecred.history.MetricHistoryTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_metric (
    history_month CHAR(7)          NOT NULL,
    npi           CHAR(10)         NOT NULL,
    metric_id     VARCHAR(60)      NOT NULL,
    metric_value  DOUBLE PRECISION,
    PRIMARY KEY (history_month, npi, metric_id)
)
;
CREATE INDEX IF NOT EXISTS history_metric_by_npi ON codecred.history_metric (npi, history_month)
;
-- Owned by org.codecred.history.DiagnosticEvaluationTable: no other class reads or writes this table.
-- History outlives a month's staging: its month column is history_month, so prepareMonth leaves it.
CREATE TABLE IF NOT EXISTS codecred.history_diag_eval (
    history_month CHAR(7)   NOT NULL,
    npi           CHAR(10)  NOT NULL,
    member_hash   CHAR(64)  NOT NULL,
    procedure_code CHAR(5)  NOT NULL,
    service_date  DATE      NOT NULL,
    PRIMARY KEY (history_month, npi, member_hash, procedure_code, service_date)
)
;
CREATE INDEX IF NOT EXISTS history_diag_eval_by_provider ON codecred.history_diag_eval (npi, member_hash, service_date)
;
CREATE TABLE IF NOT EXISTS codecred.schema_digest (digest VARCHAR(64) NOT NULL)
;
