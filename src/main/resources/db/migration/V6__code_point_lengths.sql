-- From the hardening side of issue 29 (was staging/97-code-point-lengths.sql before Flyway).
-- Limits on text count characters (code points, ingest.RowFields.characters); HSQLDB's VARCHAR(n)
-- counts UTF-16 units, in which a character outside the Basic Multilingual Plane takes two. The
-- columns holding such limited text are twice as wide as the limit, so every accepted value fits.
-- Widening an existing column keeps its rows; on a new database the ALTER changes nothing further.
ALTER TABLE codecred.claim_line ALTER COLUMN claim_id SET DATA TYPE VARCHAR(128)
;
ALTER TABLE codecred.claim_line ALTER COLUMN member_id SET DATA TYPE VARCHAR(128)
;
ALTER TABLE codecred.claim_line ALTER COLUMN diagnosis_codes SET DATA TYPE VARCHAR(510)
;
ALTER TABLE codecred.finding ALTER COLUMN claim_id SET DATA TYPE VARCHAR(128)
;
ALTER TABLE codecred.provider ALTER COLUMN last_name SET DATA TYPE VARCHAR(200)
;
ALTER TABLE codecred.provider ALTER COLUMN first_name SET DATA TYPE VARCHAR(200)
;
ALTER TABLE codecred.provider ALTER COLUMN credential SET DATA TYPE VARCHAR(40)
;
ALTER TABLE codecred.provider ALTER COLUMN license_number SET DATA TYPE VARCHAR(80)
;
ALTER TABLE codecred.provider ALTER COLUMN specialties SET DATA TYPE VARCHAR(1000)
;
ALTER TABLE codecred.specialty_alignment ALTER COLUMN specialty SET DATA TYPE VARCHAR(80)
;
ALTER TABLE codecred.history_claim_ledger ALTER COLUMN claim_id SET DATA TYPE VARCHAR(128)
;
