-- Owned by org.codecred.sources.SourceFileTable: no other class reads or writes this table.
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
