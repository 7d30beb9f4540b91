package org.codecred.report;

import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.history.VerdictChange;
import org.codecred.verdict.ProviderVerdict;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the month's index page shows, read once from the month-wide figures the summary workbook
 * reads ({@link ReportLoader}).
 *
 * @param previousMonth  the latest completed month before this one, null when none
 * @param previousCounts providers by verdict in the previous month (empty when none)
 * @param rules          the rules that fired, most providers first
 * @param links          where the other months' pages are
 */
record MonthReport(YearMonth month, LocalDateTime generated, YearMonth previousMonth, List<Row> providers,
                   Map<Verdict, Long> previousCounts, List<RuleCount> rules, Links links) {

    /**
     * One rostered provider's row.
     *
     * @param decision    null when no verdict was decided
     * @param previous    the verdict in the previous completed month, null when none or not on its roster
     * @param family      the credential family's label (the peer group)
     * @param rules       the rule ids that fired for the provider, in id order
     */
    record Row(Provider provider, ProviderVerdict decision, Verdict previous, VerdictChange change, String family,
               Set<String> rules, long errors, long warnings, long lines) {

        Verdict verdict() {
            return decision == null ? null : decision.verdict();
        }

        /** On the Docket: every HOLD and REVIEW, and every provider whose verdict moved either way. */
        boolean onDocket() {
            return verdict() == Verdict.HOLD || verdict() == Verdict.REVIEW
                    || change == VerdictChange.WORSE || change == VerdictChange.BETTER;
        }
    }

    record RuleCount(String rule, Severity severity, long findings, long providers) {
    }

    /** Providers by verdict this month (every verdict present, zeros kept). */
    Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        providers.stream().map(Row::verdict).filter(v -> v != null).forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }
}
