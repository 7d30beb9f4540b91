package org.codecred.credentials;

import org.codecred.domain.Provider;

import java.util.List;

/**
 * Runs every credential check of the month, with the sources already read: plain Java, no Spring.
 * Per rostered provider the checks come in the order of the list (the order of the dossier's
 * Credentials sheet): NPI check digit, license expiry, credential type (only when unknown), taxonomy
 * fit, NUCC code set, OIG exclusion, SAM.gov exclusion, Medicare opt-out, then the registry checks;
 * then the claims' unrostered NPIs.
 */
public final class CredentialChecker {

    private final List<CredentialRule> rules;
    private final CredentialSources sources;

    public CredentialChecker(List<CredentialRule> rules, CredentialSources sources) {
        this.rules = List.copyOf(rules);
        this.sources = sources;
    }

    /** The checks every run makes, in display order (what the {@code credentialRuleList} bean holds). */
    public static List<CredentialRule> standardRules() {
        return List.of(new NpiRule(), new LicenseRule(), new CredentialTypeRule(), new TaxonomyRule(),
                new TaxonomyInactiveRule(), new ExclusionRule(), new SamRule(), new OptOutRule(), new RegistryRule(),
                new ScreeningRule());
    }

    /** The checks of one rostered provider. */
    public void checkProvider(Provider p, Results results) {
        for (CredentialRule rule : rules) {
            rule.check(p, sources, results);
        }
    }

}
