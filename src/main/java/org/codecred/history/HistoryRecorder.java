package org.codecred.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * Writes a completed month into history from its staging tables: delete the month's history rows,
 * copy verdicts, rule counts, metrics and diagnostic evaluations, then mark the month completed.
 * The caller runs this in one transaction: a kill leaves the old rows (or none), never half of
 * them, and running it again (restart, {@code --force}) replaces that month's rows only. Then drops
 * months beyond the retention.
 */
public final class HistoryRecorder {

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

    /** What one month's recording wrote. */
    public record Recorded(int providers, int rules, int metrics, int evaluations, int monthsDropped) {
        public int rows() {
            return 1 + providers + rules + metrics + evaluations;
        }
    }

    private final JdbcTemplate jdbc;
    private final HistoryTables tables;
    private final MemberKey memberKey;
    private final int retentionMonths;

    public HistoryRecorder(JdbcTemplate jdbc, HistoryTables tables, MemberKey memberKey, int retentionMonths) {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("history retention must be at least 1 month, not " + retentionMonths);
        }
        this.jdbc = jdbc;
        this.tables = tables;
        this.memberKey = memberKey;
        this.retentionMonths = retentionMonths;
    }

    public Recorded record(String month, LocalDateTime recordedAt) {
        tables.delete(month);
        int providers = tables.providers.copyFromVerdicts(month);
        int rules = tables.rules.copyFromFindings(month);
        int metrics = tables.metrics.copyFromMetrics(month);
        int evaluations = tables.evaluations.copyFromClaimLines(month, memberKey);
        Long lines = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.claim_line WHERE month = ?", Long.class, month);
        tables.runs.insert(month, recordedAt, providers, lines == null ? 0 : lines);
        int dropped = dropBeyondRetention();
        log.info("month {}: history recorded ({} providers, {} rule counts, {} metrics, {} diagnostic evaluations){}",
                month, providers, rules, metrics, evaluations,
                dropped == 0 ? "" : "; " + dropped + " month(s) beyond the " + retentionMonths + "-month retention dropped");
        return new Recorded(providers, rules, metrics, evaluations, dropped);
    }

    /** Keeps the newest {@code retentionMonths} calendar months counted back from the newest completed month. */
    private int dropBeyondRetention() {
        YearMonth newest = tables.runs.newest().orElse(null);
        if (newest == null) {
            return 0;
        }
        String oldestKept = newest.minusMonths(retentionMonths - 1L).toString();
        int dropped = 0;
        for (String old : tables.runs.olderThan(oldestKept)) {
            tables.delete(old.trim());
            dropped++;
        }
        return dropped;
    }
}
