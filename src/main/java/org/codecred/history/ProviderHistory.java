package org.codecred.history;

import org.codecred.domain.Verdict;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What history says about one provider when its month is written: the previous completed month
 * (null when none was completed before), the provider's verdict and rules there (null and empty when
 * the provider was not on that month's roster), and up to eleven earlier months for the trend.
 */
public record ProviderHistory(YearMonth previousMonth, Verdict previousVerdict, Set<String> previousRules,
                              List<PastMonth> months) {

    /** No history at all: every finding is NEW, no previous verdict, no earlier months. */
    public static final ProviderHistory NONE = new ProviderHistory(null, null, Set.of(), List.of());

    public ProviderHistory {
        previousRules = Set.copyOf(previousRules);
        months = List.copyOf(months);
    }

    /** NEW, or REPEAT when the same rule fired for the provider in the previous completed month. */
    public FindingStatus statusOf(String ruleId) {
        return previousRules.contains(ruleId) ? FindingStatus.REPEAT : FindingStatus.NEW;
    }

    /** The previous verdict in words: the verdict, or why there is none. */
    public String previousVerdictText() {
        if (previousMonth == null) {
            return "none";
        }
        return previousVerdict == null ? "not on the roster in " + previousMonth : previousVerdict.name();
    }

    /**
     * One earlier month of the provider as history keeps it.
     *
     * @param metrics metric id to value (shares as fractions), as {@code provider_metric} had them
     */
    public record PastMonth(YearMonth month, Verdict verdict, int lines, Double codingAccuracy, int errors,
                            int warnings, int infos, Map<String, Double> metrics) {
    }
}
