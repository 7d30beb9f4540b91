package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.RegistryRecord;
import org.codecred.sources.SamExclusionList;
import org.codecred.sources.SourceFile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The SAM.gov exclusions extract: EXCLUDED-SAM (HOLD) when a row in force during the month carries the
 * provider's NPI (or a billing NPI of its lines), or names the individual (first name and a last-name
 * key) with a confirming field: the state or ZIP code agrees with the roster's license state or the
 * NPPES practice location. The extract has no birth dates: a name with nothing to confirm it is
 * EXCLUSION-POSSIBLE (REVIEW), subject the list. A row starting after the month is EXCLUSION-PENDING
 * (REVIEW), subject the date.
 */
final class SamRule implements CredentialRule {

    static final String CHECK = "sam-exclusion";
    static final String LIST = "SAM.gov";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.sam(), sources.month(), sources.registry().find(p.npi()).orElse(null),
                sources.billingNpisOf(p.npi()), results);
    }

    /** @param registry the provider's NPPES row, or null: its practice state and ZIP can confirm a name match */
    static void check(Provider p, SamExclusionList list, YearMonth month, RegistryRecord registry,
                      Collection<String> billingNpis, Results results) {
        if (list.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED,
                    "no SAM.gov exclusions extract in exclusions/: SAM.gov was not checked", "exclusions/", null);
            return;
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<String> otherLastNames = registry == null || registry.otherLastName().isEmpty() ? List.of()
                : List.of(registry.otherLastName());
        List<Match> confirmed = new ArrayList<>();
        list.byNpi(p.npi()).forEach(e -> confirmed.add(new Match(e, "matched by NPI " + p.npi())));
        for (String billing : billingNpis) {
            if (!billing.equals(p.npi())) {
                list.byNpi(billing).forEach(e -> confirmed.add(new Match(e, "claim lines are billed under NPI " + billing
                        + ", which the row carries")));
            }
        }
        List<SamExclusionList.Entry> nameOnly = new ArrayList<>();
        for (SamExclusionList.Entry e : list.sameName(p, otherLastNames)) {
            String confirming = confirmingField(p, e, registry);
            if (confirming != null) {
                confirmed.add(new Match(e, "matched by name and " + confirming));
            } else if (e.npi() == null || e.npi().equals(p.npi())) {
                nameOnly.add(e);
            }
        }
        Match active = confirmed.stream().filter(m -> m.entry().activeDuring(from, to)).findFirst().orElse(null);
        Match pending = confirmed.stream().filter(m -> m.entry().activeDate() != null && m.entry().activeDate().isAfter(to))
                .findFirst().orElse(null);
        SamExclusionList.Entry possible = nameOnly.stream()
                .filter(e -> e.activeDuring(from, to) || (e.activeDate() != null && e.activeDate().isAfter(to)))
                .findFirst().orElse(null);
        if (active != null) {
            String message = "on the SAM.gov exclusions, " + active.how() + ": row " + active.entry().describe();
            results.finding(RuleId.EXCLUDED_SAM, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, active.entry().source());
        } else if (pending != null) {
            String message = "on the SAM.gov exclusions from " + pending.entry().activeDate() + ", after " + month + ", "
                    + pending.how() + ": row " + pending.entry().describe();
            results.finding(RuleId.EXCLUSION_PENDING, p.npi(), pending.entry().activeDate().toString(), message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, pending.entry().source());
        } else if (possible != null) {
            String message = "possible match on the SAM.gov exclusions, not confirmed: row " + possible.describe()
                    + " has the provider's name, but neither an NPI nor a state or ZIP code agreeing with the roster's"
                    + " license state or the NPPES practice location: verify on SAM.gov";
            results.finding(RuleId.EXCLUSION_POSSIBLE, p.npi(), LIST, message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, possible.source());
        } else {
            results.check(p.npi(), CHECK, CheckResult.PASS, "no SAM.gov exclusion in force in " + month + " ("
                    + list.rows() + " rows in " + String.join(", ", list.files().stream().map(SourceFile::toString).toList())
                    + ")" + (confirmed.isEmpty() ? "" : "; ended: " + confirmed.get(0).entry().describe()),
                    list.files().get(0));
        }
    }

    private record Match(SamExclusionList.Entry entry, String how) {
    }

    /** The field that confirms a name match, in words, or null. */
    private static String confirmingField(Provider p, SamExclusionList.Entry e, RegistryRecord registry) {
        if (!e.state().isEmpty() && p.licenseState() != null && e.state().equalsIgnoreCase(p.licenseState())) {
            return "state " + e.state() + " (the roster's license state)";
        }
        if (registry != null && !e.zip().isEmpty() && e.zip().equals(registry.practiceZip())) {
            return "ZIP code " + e.zip() + " (the NPPES practice location)";
        }
        if (registry != null && !e.state().isEmpty() && e.state().equalsIgnoreCase(registry.practiceState())) {
            return "state " + e.state() + " (the NPPES practice location)";
        }
        return null;
    }
}
