package org.codecred.history;

import org.codecred.alignment.MetricTable;
import org.codecred.alignment.ProviderMetric;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.verdict.VerdictTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
    public record Recorded(int providers, int rules, int metrics, int evaluations, int monthsDropped, long ledgerLines) {
        public int rows() {
            return (int) (1 + providers + rules + metrics + evaluations + ledgerLines);
        }
    }

    private final HistoryTables tables;
    private final VerdictTable verdicts;
    private final FindingTable findings;
    private final MetricTable metrics;
    private final ClaimLineTable lines;
    private final MemberKey memberKey;
    private final int retentionMonths;
    private final List<String> evaluationCodes;

    /**
     * The month's staging is read through its owners; the history tables through theirs.
     *
     * @param evaluationCodes the codes whose services history keeps for the cross-month rules (the code
     *                        table's {@code crossDayCodes})
     */
    public HistoryRecorder(HistoryTables tables, VerdictTable verdicts, FindingTable findings, MetricTable metrics,
                           ClaimLineTable lines, MemberKey memberKey, int retentionMonths,
                           Collection<String> evaluationCodes) {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("history retention must be at least 1 month, not " + retentionMonths);
        }
        this.tables = tables;
        this.verdicts = verdicts;
        this.findings = findings;
        this.metrics = metrics;
        this.lines = lines;
        this.memberKey = memberKey;
        this.retentionMonths = retentionMonths;
        this.evaluationCodes = List.copyOf(new java.util.TreeSet<>(evaluationCodes));
    }

    public Recorded record(YearMonth month, LocalDateTime recordedAt) {
        tables.delete(month);
        int providers = tables.providers.insert(month, verdicts.allByNpi(month).values());
        List<FindingTable.ProviderRuleCount> ruleCounts = new ArrayList<>();
        findings.forEachProviderRuleCount(month, ruleCounts::add);
        int rules = tables.rules.insert(month, ruleCounts);
        List<ProviderMetric> kept = new ArrayList<>();
        this.metrics.forEachExceptCounts(month, kept::add);
        int metrics = tables.metrics.insert(month, kept);
        List<ClaimLineTable.CodedService> evaluated = new ArrayList<>();
        lines.forEachService(month, evaluationCodes, evaluated::add);
        int evaluations = tables.evaluations.insert(month, evaluated, memberKey);
        long ledgerStart = System.nanoTime();
        long ledger = recordLedger(month);
        log.info("month {}: claim ledger written ({} lines in {} ms)", month, ledger,
                (System.nanoTime() - ledgerStart) / 1_000_000);
        if (evaluations > 0 || ledger > 0) {
            // the hashes and the fingerprint of their key commit together: a later start can tell the key apart
            tables.key.record(memberKey.fingerprint(), recordedAt);
        }
        tables.runs.insert(month, recordedAt, providers, lines.countCounted(month));
        int dropped = dropBeyondRetention();
        log.info("month {}: history recorded ({} providers, {} rule counts, {} metrics, {} diagnostic evaluations,"
                        + " {} claim ledger lines){}", month, providers, rules, metrics, evaluations, ledger,
                dropped == 0 ? "" : "; " + dropped + " month(s) beyond the " + retentionMonths + "-month retention dropped");
        return new Recorded(providers, rules, metrics, evaluations, dropped, ledger);
    }

    /** The claim ledger: every line the month counted, without member data, in batches. */
    private long recordLedger(YearMonth month) {
        List<org.codecred.domain.ClaimLine> batch = new ArrayList<>(LEDGER_BATCH);
        long[] written = {0};
        lines.forEachCountedLine(month, line -> {
            batch.add(line);
            if (batch.size() >= LEDGER_BATCH) {
                written[0] += tables.claims.insert(month, batch, memberKey);
                batch.clear();
            }
        });
        written[0] += tables.claims.insert(month, batch, memberKey);
        return written[0];
    }

    private static final int LEDGER_BATCH = 5000;

    /** Keeps the newest {@code retentionMonths} calendar months counted back from the newest completed month. */
    private int dropBeyondRetention() {
        YearMonth newest = tables.runs.newest().orElse(null);
        if (newest == null) {
            return 0;
        }
        YearMonth oldestKept = newest.minusMonths(retentionMonths - 1L);
        int dropped = 0;
        for (YearMonth old : tables.runs.olderThan(oldestKept)) {
            tables.delete(old);
            dropped++;
        }
        return dropped;
    }
}
