package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.NuccTaxonomy;

/**
 * TAXONOMY-INACTIVE (REVIEW): the roster's taxonomy code is one NUCC marks inactive in the published
 * code set ({@code [1/1/2007: marked inactive]} in its Notes), so it is not valid on claims; subject the
 * code. A code the NUCC file does not list gives a WARN check row; without a NUCC file, NOT CHECKED.
 */
final class TaxonomyInactiveRule implements CredentialRule {

    static final String CHECK = "nucc-taxonomy";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.rules().nucc(), results);
    }

    static void check(Provider p, NuccTaxonomy nucc, Results results) {
        if (nucc.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED, "no NUCC taxonomy file (nucc_taxonomy_*.csv) in the"
                    + " rules folder: the code set was not checked", "rules/", null);
            return;
        }
        String file = nucc.source().name();
        if (p.taxonomyCode() == null) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED, "the roster gives no taxonomy_code", file,
                    nucc.source().date());
            return;
        }
        var code = nucc.find(p.taxonomyCode());
        if (code.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.WARN, "taxonomy " + p.taxonomyCode() + " is not in the NUCC code set "
                    + file + ": check the code", file, nucc.source().date());
        } else if (code.get().isInactive()) {
            String since = code.get().inactiveSince().equals(java.time.LocalDate.MIN) ? ""
                    : " since " + code.get().inactiveSince();
            String message = "roster taxonomy " + code.get().code() + " (" + code.get().label() + ") is marked inactive"
                    + since + " in the NUCC code set (" + file + "): it is not valid on claims; ask the provider for"
                    + " the current code";
            results.finding(RuleId.TAXONOMY_INACTIVE, p.npi(), code.get().code(), message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, file, nucc.source().date());
        } else {
            results.check(p.npi(), CHECK, CheckResult.PASS, "taxonomy " + code.get().code() + " (" + code.get().label()
                    + ") is active in the NUCC code set", file, nucc.source().date());
        }
    }
}
