-- From the hardening side of issue 29 (was staging/96-history_key.sql before the schema came under Flyway).
-- Owned by org.codecred.history.HistoryKeyTable: no other class reads or writes this table.
-- The fingerprint of the member-hash key history's hashes were made with (never the key itself).
CREATE ${table_type} TABLE IF NOT EXISTS codecred.history_key (
    fingerprint CHAR(64)  NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (fingerprint)
)
;
