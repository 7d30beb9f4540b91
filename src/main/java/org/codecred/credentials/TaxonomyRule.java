package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.sources.SourceFile;

/**
 * TAXONOMY-LICENSE-MISMATCH: the roster's taxonomy code does not fit the provider's credential, per
 * {@code taxonomies.csv} (a social worker with a psychiatry taxonomy). A missing taxonomy, a code not
 * in the table or a credential not in {@code credentials.csv} is NOT CHECKED.
 */
final class TaxonomyRule implements CredentialRule {

    static final String CHECK = "taxonomy-fit";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.rules().taxonomies(), sources.rules().vocabulary(), sources.rules().taxonomySource(), results);
    }

    static void check(Provider p, TaxonomyTable table, CredentialVocabulary vocabulary, SourceFile source, Results results) {
        if (p.taxonomyCode() == null) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED, "the roster gives no taxonomy_code", source);
            return;
        }
        if (!vocabulary.isKnown(p.credential())) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED, "credential '" + p.credential() + "' is not in "
                    + CredentialVocabulary.FILE + ": add it to have the taxonomy checked", source);
            return;
        }
        var taxonomy = table.find(p.taxonomyCode());
        if (taxonomy.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED, "taxonomy " + p.taxonomyCode() + " is not in "
                    + TaxonomyTable.FILE + " (behavioral-health codes): add it to have it checked", source);
            return;
        }
        TaxonomyTable.Taxonomy t = taxonomy.get();
        String canonical = vocabulary.canonical(p.credential());
        String credential = p.credential() + " (" + (canonical.equalsIgnoreCase(p.credential()) ? "" : canonical + ", ")
                + vocabulary.family(p.credential()).label() + ")";
        if (TaxonomyTable.fits(t, p.credential(), vocabulary)) {
            results.check(p.npi(), CHECK, CheckResult.PASS, "taxonomy " + t.code() + " (" + t.classification()
                    + ") fits credential " + credential, source);
            return;
        }
        String message = "roster taxonomy " + t.code() + " (" + t.classification() + ") does not fit credential "
                + credential + "; the code fits "
                + (t.fits().isEmpty() ? "no individual credential" : String.join(", ", t.fits()));
        results.finding(RuleId.TAXONOMY_LICENSE_MISMATCH, p.npi(), "", message);
        results.check(p.npi(), CHECK, CheckResult.FAIL, message, source);
    }
}
