package org.codecred.history;

import org.codecred.coding.EvaluationHistory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Earlier evaluations from history: for a provider, a member, a set of codes (90791/90792 for
 * DIAG-EVAL-REPEATED, a testing add-on's base codes for ADDON-WITHOUT-PRIMARY) and a date, the latest
 * of those codes billed by the same provider for the same member before that date, found
 * in the completed months before the month being run (never a later month: months may run out of
 * order). How far back counts as "again" is the rule's setting (six months by default); history
 * keeps its retention (24 months by default). The member id is hashed with the history key before
 * it is looked up; it is never stored or logged.
 *
 * <p>Lines arrive provider by provider in NPI order, so each thread keeps the evaluations of a range
 * of NPIs from the one asked for on ({@link DiagnosticEvaluationTable#fromProvider}): one query for
 * many providers (for all of them while history is empty), not one per provider, never one per line.
 */
public final class DiagnosticEvaluationHistory implements EvaluationHistory {

    private final DiagnosticEvaluationTable table;
    private final MemberKey key;
    private final ThreadLocal<Loaded> last = new ThreadLocal<>();

    /** Rows per range query: a few hundred providers' evaluations. */
    static final int RANGE_ROWS = 5000;

    private final int rangeRows;

    /**
     * The evaluations of every NPI from {@code fromNpi} (included) to {@code toNpi} (excluded; null: no
     * end) in completed months before {@code month}, by NPI then member hash.
     */
    private record Loaded(YearMonth month, String fromNpi, String toNpi,
                          Map<String, Map<String, List<DiagnosticEvaluationTable.Evaluation>>> byNpi) {

        boolean covers(String npi, YearMonth asked) {
            return month.equals(asked) && npi.compareTo(fromNpi) >= 0 && (toNpi == null || npi.compareTo(toNpi) < 0);
        }
    }

    /**
     * The month looked back from is the month of the line being judged, not a setting, so a
     * scale-out worker (which serves any month) uses the same lookup as the manager.
     */
    public DiagnosticEvaluationHistory(DiagnosticEvaluationTable table, MemberKey key) {
        this(table, key, RANGE_ROWS);
    }

    /** @param rangeRows rows per range query (tests make it small) */
    DiagnosticEvaluationHistory(DiagnosticEvaluationTable table, MemberKey key, int rangeRows) {
        this.table = table;
        this.key = key;
        this.rangeRows = rangeRows;
    }

    @Override
    public Optional<LocalDate> latest(String npi, String memberId, Set<String> codes, LocalDate before) {
        Map<String, List<DiagnosticEvaluationTable.Evaluation>> ofProvider = evaluationsOf(npi, YearMonth.from(before));
        if (ofProvider.isEmpty()) {
            return Optional.empty(); // nothing to match: the member's keyed hash is not needed
        }
        List<DiagnosticEvaluationTable.Evaluation> found = ofProvider.get(key.hash(memberId));
        if (found == null) {
            return Optional.empty();
        }
        return found.stream().filter(e -> codes.contains(e.code())).map(DiagnosticEvaluationTable.Evaluation::date)
                .filter(d -> d.isBefore(before)).max(LocalDate::compareTo);
    }

    private Map<String, List<DiagnosticEvaluationTable.Evaluation>> evaluationsOf(String npi, YearMonth month) {
        Loaded cached = last.get();
        if (cached == null || !cached.covers(npi, month)) {
            cached = load(npi, month);
            last.set(cached);
        }
        return cached.byNpi().getOrDefault(npi, Map.of());
    }

    /**
     * The range from {@code npi} on: up to {@code rangeRows} rows; when the limit cuts the range,
     * its last NPI may be cut too and is left to the next range. A single provider with more rows
     * than the limit is read alone.
     */
    private Loaded load(String npi, YearMonth month) {
        List<DiagnosticEvaluationTable.Evaluation> rows = table.fromProvider(npi, month, rangeRows);
        String toNpi = null;
        if (rows.size() >= rangeRows) {
            toNpi = rows.get(rows.size() - 1).npi();
            if (toNpi.equals(npi)) {
                return new Loaded(month, npi, npi + "\u0000",
                        Map.of(npi, table.ofProvider(npi, YearMonth.of(1, 1), month, LocalDate.of(1, 1, 1))));
            }
        }
        Map<String, Map<String, List<DiagnosticEvaluationTable.Evaluation>>> byNpi = new HashMap<>();
        for (DiagnosticEvaluationTable.Evaluation e : rows) {
            if (toNpi == null || e.npi().compareTo(toNpi) < 0) {
                byNpi.computeIfAbsent(e.npi(), k -> new HashMap<>()).computeIfAbsent(e.memberHash(), k -> new ArrayList<>()).add(e);
            }
        }
        return new Loaded(month, npi, toNpi, byNpi);
    }
}
