-- Releases before Flyway kept the digest of their DDL scripts here to skip running them again;
-- Flyway's history (codecred.flyway_schema_history) does that now.
DROP TABLE IF EXISTS codecred.schema_digest
;
