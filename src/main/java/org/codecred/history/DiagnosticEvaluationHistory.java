package org.codecred.history;

import org.codecred.coding.EvaluationHistory;

import java.time.LocalDate;
import java.time.YearMonth;
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
 * <p>Lines arrive provider by provider, so each thread keeps the last provider's evaluations: one
 * query per provider, not per line.
 */
public final class DiagnosticEvaluationHistory implements EvaluationHistory {

    private final DiagnosticEvaluationTable table;
    private final MemberKey key;
    private final ThreadLocal<ProviderEvaluations> last = new ThreadLocal<>();

    private record ProviderEvaluations(String npi, YearMonth month,
                                       Map<String, List<DiagnosticEvaluationTable.Evaluation>> byMember) {
    }

    /**
     * The month looked back from is the month of the line being judged, not a setting, so a
     * scale-out worker (which serves any month) uses the same lookup as the manager.
     */
    public DiagnosticEvaluationHistory(DiagnosticEvaluationTable table, MemberKey key) {
        this.table = table;
        this.key = key;
    }

    @Override
    public Optional<LocalDate> latest(String npi, String memberId, Set<String> codes, LocalDate before) {
        List<DiagnosticEvaluationTable.Evaluation> found = evaluationsOf(npi, YearMonth.from(before)).get(key.hash(memberId));
        if (found == null) {
            return Optional.empty();
        }
        return found.stream().filter(e -> codes.contains(e.code())).map(DiagnosticEvaluationTable.Evaluation::date)
                .filter(d -> d.isBefore(before)).max(LocalDate::compareTo);
    }

    private Map<String, List<DiagnosticEvaluationTable.Evaluation>> evaluationsOf(String npi, YearMonth month) {
        ProviderEvaluations cached = last.get();
        if (cached == null || !cached.npi().equals(npi) || !cached.month().equals(month)) {
            cached = new ProviderEvaluations(npi, month,
                    table.ofProvider(npi, YearMonth.of(1, 1), month, LocalDate.of(1, 1, 1)));
            last.set(cached);
        }
        return cached.byMember();
    }
}
