package org.codecred.credentials;

import org.codecred.sources.ExclusionList;
import org.codecred.sources.NppesRegistry;
import org.codecred.sources.OptOutList;
import org.codecred.sources.PublishedSource;
import org.codecred.sources.PublishedSource.PublishedData;
import org.codecred.sources.PublishedSources;
import org.codecred.sources.RegistryRecord;
import org.codecred.sources.SamExclusionList;
import org.codecred.sources.SourceFile;
import org.codecred.staging.ClaimLineTable;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the credential checks compare a rostered provider with, read once per run of the step:
 * the rule tables, the month's published lists (by registry entry: OIG LEIE, SAM.gov, Medicare opt-out,
 * the NPPES extract, and any list added to {@link PublishedSources}), and per NPI the claim lines the
 * rules need.
 *
 * @param roster               the roster file, named as the source of roster-only checks
 * @param lists                the month's published lists by their registry entry (every monthly entry present)
 * @param linesAfterExpiry     per NPI, the claim lines dated after its license's expiry (absent: none)
 * @param linesSinceDeactivation per NPI deactivated in NPPES, its claim lines dated on or after the deactivation (absent: none)
 * @param billingNpis          per rendering NPI, the billing NPIs on its claim lines
 */
public record CredentialSources(YearMonth month, SourceFile roster, CredentialRules rules,
                                Map<PublishedSource, PublishedData> lists,
                                Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry,
                                Map<String, ClaimLineTable.NpiActivity> linesSinceDeactivation,
                                Map<String, Set<String>> billingNpis) {

    public CredentialSources {
        Map<PublishedSource, PublishedData> all = new LinkedHashMap<>();
        for (PublishedSource source : PublishedSources.monthly()) {
            all.put(source, lists.containsKey(source) ? lists.get(source) : source.layout().load(List.of(), Set.of()));
        }
        lists = Collections.unmodifiableMap(all);
        linesAfterExpiry = Map.copyOf(linesAfterExpiry);
        linesSinceDeactivation = Map.copyOf(linesSinceDeactivation);
        billingNpis = Map.copyOf(billingNpis);
    }

    /** Sources for tests: the OIG list and the registry, nothing else. */
    public CredentialSources(YearMonth month, SourceFile roster, CredentialRules rules, ExclusionList exclusions,
                             NppesRegistry registry, Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry) {
        this(month, roster, rules, Map.of(PublishedSources.LEIE, exclusions, PublishedSources.NPPES, registry),
                linesAfterExpiry, Map.of(), Map.of());
    }

    /** The list a registry entry's layout read; {@code type} is that layout's list class. */
    public <T extends PublishedData> T list(PublishedSource source, Class<T> type) {
        return type.cast(lists.get(source));
    }

    public ExclusionList exclusions() {
        return list(PublishedSources.LEIE, ExclusionList.class);
    }

    public SamExclusionList sam() {
        return list(PublishedSources.SAM, SamExclusionList.class);
    }

    public OptOutList optOuts() {
        return list(PublishedSources.OPT_OUT, OptOutList.class);
    }

    public NppesRegistry registry() {
        return list(PublishedSources.NPPES, NppesRegistry.class);
    }

    /** The other last names NPPES records for the NPI (a former name), for the exclusion lists' name matching. */
    List<String> otherLastNames(String npi) {
        return registry().find(npi).map(RegistryRecord::otherLastName).filter(n -> !n.isBlank()).map(List::of).orElse(List.of());
    }

    Set<String> billingNpisOf(String npi) {
        return billingNpis.getOrDefault(npi, Set.of());
    }
}
