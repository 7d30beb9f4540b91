package org.codecred.dossier;

import org.codecred.domain.Verdict;

import java.util.Set;

/**
 * What the previous completed month says about a provider, for the Findings sheet's {@code Status}
 * (REPEAT when the same rule fired then) and the summary's {@code Previous verdict}.
 * {@link #NONE} until the history of earlier months is kept (issue 15 fills it).
 *
 * @param previousMonth   the month compared with, or null when there is none
 * @param previousVerdict null when the provider had no verdict then
 * @param previousRules   rule ids that fired for the provider in that month
 */
public record DossierHistory(String previousMonth, Verdict previousVerdict, Set<String> previousRules) {

    public static final DossierHistory NONE = new DossierHistory(null, null, Set.of());

    public DossierHistory {
        previousRules = Set.copyOf(previousRules);
    }

    /** NEW, or REPEAT when the rule fired for the provider in the previous completed month. */
    public String status(String ruleId) {
        return previousRules.contains(ruleId) ? "REPEAT" : "NEW";
    }

    /** The previous verdict in words: the verdict, or why there is none. */
    public String previousVerdictText() {
        if (previousMonth == null) {
            return "none";
        }
        return previousVerdict == null ? "not on the roster in " + previousMonth : previousVerdict.name();
    }
}
