package org.codecred.history;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Earlier diagnostic evaluations from history for DIAG-EVAL-REPEATED: for a provider, a member and
 * a service date of the month being run, the latest 90791/90792 by the same provider for the same
 * member within the six months before, found in completed months before this one. The member id is
 * hashed with the history key before it is looked up; it is never stored or logged.
 *
 * <p>Its {@link #latestEvaluation} is the shape of the coding rules' seam for earlier months
 * ({@code coding.EvaluationHistory}): the job hands this bean to the coding engine.
 *
 * <p>Lines arrive provider by provider, so each thread keeps the last provider's evaluations: one
 * query per provider, not per line.
 */
public final class DiagnosticEvaluationHistory {

    /** How far back a diagnostic evaluation counts as "again within six months". */
    public static final int LOOKBACK_MONTHS = 6;

    private final DiagnosticEvaluationTable table;
    private final MemberKey key;
    private final YearMonth month;
    private final ThreadLocal<ProviderEvaluations> last = new ThreadLocal<>();

    private record ProviderEvaluations(String npi, Map<String, List<DiagnosticEvaluationTable.Evaluation>> byMember) {
    }

    public DiagnosticEvaluationHistory(DiagnosticEvaluationTable table, MemberKey key, YearMonth month) {
        this.table = table;
        this.key = key;
        this.month = month;
    }

    /** The date of the latest evaluation within six months before {@code serviceDate}, if history holds one. */
    public Optional<LocalDate> latestEvaluation(String npi, String memberId, LocalDate serviceDate) {
        List<DiagnosticEvaluationTable.Evaluation> found = evaluationsOf(npi).get(key.hash(memberId));
        if (found == null) {
            return Optional.empty();
        }
        LocalDate since = serviceDate.minusMonths(LOOKBACK_MONTHS);
        return found.stream().map(DiagnosticEvaluationTable.Evaluation::date)
                .filter(d -> !d.isBefore(since) && d.isBefore(serviceDate))
                .max(LocalDate::compareTo);
    }

    private Map<String, List<DiagnosticEvaluationTable.Evaluation>> evaluationsOf(String npi) {
        ProviderEvaluations cached = last.get();
        if (cached == null || !cached.npi().equals(npi)) {
            // the earliest month that can hold a date within six months of this month's first day
            String from = month.minusMonths(LOOKBACK_MONTHS).toString();
            cached = new ProviderEvaluations(npi, table.ofProvider(npi, from, month.toString(),
                    month.atDay(1).minusMonths(LOOKBACK_MONTHS)));
            last.set(cached);
        }
        return cached.byMember();
    }
}
