package org.codecred.dossier;

import org.codecred.domain.Verdict;
import org.codecred.history.MonthHistory;
import org.codecred.history.VerdictChange;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the month's summary workbook shows, gathered by {@link DossierLoader}: each {@link
 * MonthSheet} reads the part it shows.
 *
 * @param providers every rostered provider's row, in triage order (HOLD, REVIEW, CLEAR, then NPI)
 * @param rulesNow  the rules that fired this month, per provider NPI
 * @param docket    what the Docket adds for the providers on it, by NPI (absent: nothing billed while
 *                  not allowed, nothing to verify)
 */
public record SummaryMonth(YearMonth month, List<SummaryWorkbook.ProviderRow> providers, List<SummaryWorkbook.RuleRow> rules,
                           List<SummaryWorkbook.UnrosteredRow> unrostered, SummaryWorkbook.MonthFacts facts,
                           Map<String, Set<String>> rulesNow, Map<String, DocketFacts> docket) {

    /**
     * What a provider's dossier adds to its Docket row.
     *
     * @param billedWhileNotAllowed charges of the lines dated after a license expiry, an exclusion start
     *                              or an NPI deactivation (zero when none)
     * @param verify                "verify before acting" notes: the sources to check first
     */
    public record DocketFacts(BigDecimal billedWhileNotAllowed, List<String> verify) {
        public DocketFacts {
            verify = List.copyOf(verify);
        }
    }

    public SummaryMonth {
        providers = List.copyOf(providers);
        rules = List.copyOf(rules);
        unrostered = List.copyOf(unrostered);
        rulesNow = Map.copyOf(rulesNow);
        docket = Map.copyOf(docket);
    }

    MonthHistory.Comparison comparison() {
        return facts.comparison();
    }

    /** Whether a provider belongs on the Docket: HOLD, REVIEW, or a verdict changed since the previous month. */
    boolean onDocket(SummaryWorkbook.ProviderRow row) {
        Verdict now = row.decision() == null ? null : row.decision().verdict();
        if (now == Verdict.HOLD || now == Verdict.REVIEW) {
            return true;
        }
        VerdictChange change = comparison().change(row.provider().npi(), now);
        return change == VerdictChange.WORSE || change == VerdictChange.BETTER;
    }
}
