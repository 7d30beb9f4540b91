package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * EXCLUDED-OIG: a row of the OIG exclusion list names the provider (by NPI; by last name, first name
 * and birth date where the row has no NPI), excluded on or before the month's end and not reinstated
 * by then. A reinstatement counts from any file (a monthly REIN supplement cancels an exclusion of
 * UPDATED.csv). Rows without an NPI that share the provider's name but whose birth date cannot be
 * compared give a WARN check row to look at, never a finding.
 */
final class ExclusionRule implements CredentialRule {

    static final String CHECK = "oig-exclusion";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.exclusions(), sources.month(), results);
    }

    static void check(Provider p, ExclusionList list, YearMonth month, Results results) {
        if (list.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED,
                    "no OIG exclusion file in exclusions/: the exclusion list was not checked", "exclusions/", null);
            return;
        }
        LocalDate monthEnd = month.atEndOfMonth();
        List<ExclusionList.Entry> matches = list.matches(p);
        List<ExclusionList.Entry> reinstatements = matches.stream()
                .filter(e -> e.reinDate() != null && !e.reinDate().isAfter(monthEnd)).toList();
        List<ExclusionList.Entry> active = new ArrayList<>();
        List<ExclusionList.Entry> future = new ArrayList<>();
        for (ExclusionList.Entry e : matches) {
            if (e.reinDate() != null && !e.reinDate().isAfter(monthEnd)) {
                continue;
            }
            boolean reinstatedLater = reinstatements.stream()
                    .anyMatch(r -> e.exclDate() == null || !r.reinDate().isBefore(e.exclDate()));
            if (reinstatedLater) {
                continue;
            }
            if (e.exclDate() != null && e.exclDate().isAfter(monthEnd)) {
                future.add(e);
            } else {
                active.add(e);
            }
        }
        if (!active.isEmpty()) {
            ExclusionList.Entry first = active.get(0);
            String message = "on the OIG exclusion list, matched " + how(p, first) + ": row " + first.describe()
                    + (active.size() > 1 ? " and " + (active.size() - 1) + " more row(s)" : "");
            results.finding(RuleId.EXCLUDED_OIG, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, first.source());
        } else if (!future.isEmpty()) {
            ExclusionList.Entry first = future.get(0);
            results.check(p.npi(), CHECK, CheckResult.WARN, "listed with an exclusion starting after " + month
                    + ", matched " + how(p, first) + ": row " + first.describe(), first.source());
        } else if (!matches.isEmpty()) {
            ExclusionList.Entry first = matches.get(0);
            results.check(p.npi(), CHECK, CheckResult.PASS, "reinstated by " + monthEnd + ", matched " + how(p, first)
                    + ": " + matches.stream().map(ExclusionList.Entry::describe).collect(Collectors.joining("; ")),
                    reinstatements.isEmpty() ? first.source() : reinstatements.get(0).source());
        } else {
            namesakes(p, list, results);
        }
    }

    private static void namesakes(Provider p, ExclusionList list, Results results) {
        List<ExclusionList.Entry> sameName = list.sameName(p);
        List<ExclusionList.Entry> unconfirmable = sameName.stream()
                .filter(e -> p.dateOfBirth() == null || e.dob() == null).toList();
        if (!unconfirmable.isEmpty()) {
            ExclusionList.Entry first = unconfirmable.get(0);
            results.check(p.npi(), CHECK, CheckResult.WARN, "possible namesake, not confirmed: row " + first.describe()
                    + " has the provider's name but no NPI, and the birth date "
                    + (p.dateOfBirth() == null ? "is not on the roster" : "is not on the list")
                    + ": verify on the OIG online search", first.source());
            return;
        }
        String detail = "not on the OIG exclusion list (" + list.rows() + " rows in "
                + list.sources().stream().map(Source::toString).collect(Collectors.joining(", ")) + ")"
                + (sameName.isEmpty() ? "" : "; " + sameName.size() + " namesake(s) with another birth date, e.g. row "
                + sameName.get(0).describe());
        Source latest = list.sources().stream().filter(s -> s.date() != null)
                .max((a, b) -> a.date().compareTo(b.date())).orElse(list.sources().get(0));
        results.check(p.npi(), CHECK, CheckResult.PASS, detail, sourcesName(list), latest.date());
    }

    private static String sourcesName(ExclusionList list) {
        return list.sources().stream().map(Source::name).collect(Collectors.joining(", "));
    }

    private static String how(Provider p, ExclusionList.Entry e) {
        // the birth date is personal data: say that it matched, never print it
        return e.npi() != null ? "by NPI " + p.npi() : "by name and birth date (birth date matched; the row has no NPI)";
    }
}
