package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;

/** The history tables together: created at start (IF NOT EXISTS), deleted together for a month. */
public final class HistoryTables {

    public final HistoryRunTable runs;
    public final ProviderHistoryTable providers;
    public final RuleHistoryTable rules;
    public final MetricHistoryTable metrics;
    public final DiagnosticEvaluationTable evaluations;

    public HistoryTables(JdbcTemplate jdbc) {
        this.runs = new HistoryRunTable(jdbc);
        this.providers = new ProviderHistoryTable(jdbc);
        this.rules = new RuleHistoryTable(jdbc);
        this.metrics = new MetricHistoryTable(jdbc);
        this.evaluations = new DiagnosticEvaluationTable(jdbc);
    }

    /** Creates the tables that are missing; safe at every start. */
    public HistoryTables create() {
        runs.create();
        providers.create();
        rules.create();
        metrics.create();
        evaluations.create();
        return this;
    }

    /** Deletes every history row of {@code month}; the completion row first, so a half-deleted month is never "completed". */
    void delete(String month) {
        runs.delete(month);
        providers.delete(month);
        rules.delete(month);
        metrics.delete(month);
        evaluations.delete(month);
    }
}
