package org.codecred.credentials;

import java.time.YearMonth;
import java.util.Map;

/**
 * Everything the credential checks compare a rostered provider with, read once per run of the step:
 * the rule tables, the exclusion list, the registry extract, and per NPI the claim lines dated after
 * the license's expiry.
 *
 * @param roster           the roster file, named as the source of roster-only checks
 * @param linesAfterExpiry per NPI, the claim lines dated after its license's expiry (absent: none)
 */
public record CredentialSources(YearMonth month, Source roster, CredentialRules rules, ExclusionList exclusions,
                                NppesRegistry registry, Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry) {

    public CredentialSources {
        linesAfterExpiry = Map.copyOf(linesAfterExpiry);
    }
}
