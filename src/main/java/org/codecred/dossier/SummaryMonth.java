package org.codecred.dossier;

import java.time.YearMonth;
import java.util.List;

/**
 * Everything the month's summary workbook shows, gathered by {@link DossierLoader}: each {@link
 * MonthSheet} reads the part it shows.
 *
 * @param providers every rostered provider's row, in triage order (HOLD, REVIEW, CLEAR, then NPI)
 */
record SummaryMonth(YearMonth month, List<SummaryWorkbook.ProviderRow> providers, List<SummaryWorkbook.RuleRow> rules,
                    List<SummaryWorkbook.UnrosteredRow> unrostered, SummaryWorkbook.MonthFacts facts) {

    SummaryMonth {
        providers = List.copyOf(providers);
        rules = List.copyOf(rules);
        unrostered = List.copyOf(unrostered);
    }
}
