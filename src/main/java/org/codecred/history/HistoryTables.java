package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;

/** The owners of the history tables together (DDL in the migrations, {@code db/migration}); a month's rows go together. */
public final class HistoryTables {

    public final HistoryRunTable runs;
    public final ProviderHistoryTable providers;
    public final RuleHistoryTable rules;
    public final MetricHistoryTable metrics;
    public final DiagnosticEvaluationTable evaluations;
    public final ClaimLedgerTable claims;
    public final HistoryKeyTable key;

    public HistoryTables(JdbcTemplate jdbc) {
        this.runs = new HistoryRunTable(jdbc);
        this.providers = new ProviderHistoryTable(jdbc);
        this.rules = new RuleHistoryTable(jdbc);
        this.metrics = new MetricHistoryTable(jdbc);
        this.evaluations = new DiagnosticEvaluationTable(jdbc);
        this.claims = new ClaimLedgerTable(jdbc);
        this.key = new HistoryKeyTable(jdbc);
    }

    /**
     * Deletes every history row of {@code month} but its claim ledger (which {@link ClaimLedgerTable}
     * deletes in batches of their own); the completion row first, so a half-deleted month is never
     * "completed".
     */
    void delete(YearMonth month) {
        runs.delete(month);
        providers.delete(month);
        rules.delete(month);
        metrics.delete(month);
        evaluations.delete(month);
    }
}
