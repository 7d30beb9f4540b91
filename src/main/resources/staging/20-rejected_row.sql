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
