-- Issue 27: the claim ledger keeps one index, its primary key (history_month, billing_npi, claim_id,
-- line_no, content_digest). The second one, (billing_npi, claim_id, history_month), served only the
-- lookups of replacements and voids, a few per month, yet every ledger row (one per counted line,
-- millions a month) paid for keeping it: about half of recordHistory's ledger time. Those lookups
-- now go month by month through history_run, each a probe of the primary key by (month, billing
-- NPI, claim id) (ClaimLedgerTable). Rows are untouched: an existing ledger keeps every row.
DROP INDEX IF EXISTS codecred.history_claim_ledger_by_claim
;
