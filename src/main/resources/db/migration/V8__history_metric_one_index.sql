-- Issue 27: history_metric keeps one index, its primary key (history_month, npi, metric_id). The
-- second one, (npi, history_month), served only one provider's metrics over a range of months (the
-- dossier of a provider read on its own, a few per month), yet every metric row (about 40 per
-- provider, 400,000 a month at 10,000 providers) paid for keeping it. That lookup now goes through
-- history_run's completed months, each a probe of the primary key by (month, NPI)
-- (MetricHistoryTable.ofProvider). Rows are untouched: an existing history keeps every row.
DROP INDEX IF EXISTS codecred.history_metric_by_npi
;
