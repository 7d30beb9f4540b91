package org.codecred.credentials;

import org.codecred.staging.ClaimLineTable;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the credential checks compare a rostered provider with, read once per run of the step:
 * the rule tables, the exclusion lists (OIG LEIE, SAM.gov), the Medicare opt-out list, the registry
 * extract, and per NPI the claim lines the rules need.
 *
 * @param roster               the roster file, named as the source of roster-only checks
 * @param linesAfterExpiry     per NPI, the claim lines dated after its license's expiry (absent: none)
 * @param linesSinceDeactivation per NPI deactivated in NPPES, its claim lines dated on or after the deactivation (absent: none)
 * @param billingNpis          per rendering NPI, the billing NPIs on its claim lines
 */
public record CredentialSources(YearMonth month, Source roster, CredentialRules rules, ExclusionList exclusions,
                                NppesRegistry registry, Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry,
                                SamExclusionList sam, OptOutList optOuts,
                                Map<String, ClaimLineTable.NpiActivity> linesSinceDeactivation,
                                Map<String, Set<String>> billingNpis) {

    public CredentialSources {
        linesAfterExpiry = Map.copyOf(linesAfterExpiry);
        linesSinceDeactivation = Map.copyOf(linesSinceDeactivation);
        billingNpis = Map.copyOf(billingNpis);
    }

    /** Sources for tests: the OIG list and the registry, nothing else. */
    public CredentialSources(YearMonth month, Source roster, CredentialRules rules, ExclusionList exclusions,
                             NppesRegistry registry, Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry) {
        this(month, roster, rules, exclusions, registry, linesAfterExpiry, SamExclusionList.empty(), OptOutList.empty(),
                Map.of(), Map.of());
    }

    /** The other last names NPPES records for the NPI (a former name), for the exclusion lists' name matching. */
    List<String> otherLastNames(String npi) {
        return registry.find(npi).map(RegistryRecord::otherLastName).filter(n -> !n.isBlank()).map(List::of).orElse(List.of());
    }

    Set<String> billingNpisOf(String npi) {
        return billingNpis.getOrDefault(npi, Set.of());
    }
}
