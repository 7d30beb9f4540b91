package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.rules.CredentialVocabulary;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Runs every credential rule for the month, with the sources already read: plain Java, no Spring.
 * Per rostered provider the checks come in a fixed order (the order of the dossier's Credentials
 * sheet): NPI check digit, license expiry, credential type, taxonomy fit, OIG exclusion, then the registry checks.
 */
public final class CredentialChecker {

    private final YearMonth month;
    private final Source roster;
    private final TaxonomyTable taxonomies;
    private final Source taxonomySource;
    private final CredentialVocabulary vocabulary;
    private final ExclusionList exclusions;
    private final NppesRegistry registry;

    public CredentialChecker(YearMonth month, Source roster, TaxonomyTable taxonomies, Source taxonomySource,
                             CredentialVocabulary vocabulary, ExclusionList exclusions, NppesRegistry registry) {
        this.month = month;
        this.roster = roster;
        this.taxonomies = taxonomies;
        this.taxonomySource = taxonomySource;
        this.vocabulary = vocabulary;
        this.exclusions = exclusions;
        this.registry = registry;
    }

    /** The checks of one rostered provider; {@code linesAfterExpiry} null when none of its lines is dated after the license's expiry. */
    public void checkProvider(Provider p, LicenseRule.LinesAfterExpiry linesAfterExpiry, Results results) {
        NpiRule.check(p, roster, results);
        LicenseRule.check(p, month, linesAfterExpiry, roster, results);
        CredentialTypeRule.check(p, vocabulary, roster, results);
        TaxonomyRule.check(p, taxonomies, vocabulary, taxonomySource, results);
        ExclusionRule.check(p, exclusions, month, results);
        RegistryRule.check(p, registry, results);
    }

    /** Convenience for tests and small rosters: every provider plus the claims' unrostered NPIs. */
    public Results checkAll(List<Provider> providers, Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry,
                            List<UnrosteredRule.UnrosteredNpi> unrostered) {
        Results results = new Results();
        for (Provider p : providers) {
            checkProvider(p, linesAfterExpiry.get(p.npi()), results);
        }
        UnrosteredRule.check(unrostered, results);
        return results;
    }
}
