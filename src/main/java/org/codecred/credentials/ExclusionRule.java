package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.sources.ExclusionList;
import org.codecred.sources.SourceFile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The OIG exclusion list screened as OIG advises (never on a name alone):
 * <ul>
 * <li>EXCLUDED-OIG (HOLD): a row carries the provider's NPI, or has no NPI but the provider's name and
 * birth date (a probable match), excluded on or before the month's end and not reinstated by then;</li>
 * <li>EXCLUSION-PENDING (REVIEW): the same, with an exclusion date after the month's end; subject the date;</li>
 * <li>EXCLUSION-POSSIBLE (REVIEW): a row without an NPI has the provider's name but no birth date can be
 * compared (the list or the roster lacks it); subject the list. Last names are tried whole, part by part
 * (hyphenated, two-word) and as the other last names NPPES records;</li>
 * <li>the billing NPIs on the provider's claim lines are screened by NPI too.</li>
 * </ul>
 * A reinstatement counts from any file (a monthly REIN supplement cancels an exclusion of UPDATED.csv).
 * Messages say "birth date matched" and never print the birth date.
 */
final class ExclusionRule implements CredentialRule {

    static final String CHECK = "oig-exclusion";
    static final String BILLING_CHECK = "oig-exclusion-billing";
    static final String LIST = "OIG LEIE";

    @Override
    public void check(Provider p, CredentialSources sources, Results results) {
        check(p, sources.exclusions(), sources.month(), sources.otherLastNames(p.npi()), sources.billingNpisOf(p.npi()),
                results);
    }

    static void check(Provider p, ExclusionList list, YearMonth month, List<String> otherLastNames,
                      Collection<String> billingNpis, Results results) {
        if (list.isEmpty()) {
            results.check(p.npi(), CHECK, CheckResult.NOT_CHECKED,
                    "no OIG exclusion file in exclusions/: the exclusion list was not checked", "exclusions/", null);
            return;
        }
        LocalDate monthEnd = month.atEndOfMonth();
        List<ExclusionList.Entry> confirmed = new ArrayList<>(list.byNpi(p.npi()));
        List<ExclusionList.Entry> sameName = list.sameName(p, otherLastNames);
        List<ExclusionList.Entry> unconfirmable = new ArrayList<>();
        List<ExclusionList.Entry> namesakes = new ArrayList<>();
        for (ExclusionList.Entry e : sameName) {
            if (p.dateOfBirth() == null || e.dob() == null) {
                unconfirmable.add(e);
            } else if (e.dob().equals(p.dateOfBirth())) {
                confirmed.add(e);
            } else {
                namesakes.add(e);
            }
        }
        List<ExclusionList.Entry> active = new ArrayList<>();
        List<ExclusionList.Entry> pending = new ArrayList<>();
        split(confirmed, confirmed, monthEnd, active, pending);
        if (!active.isEmpty()) {
            ExclusionList.Entry first = active.get(0);
            String message = "on the OIG exclusion list, " + how(p, first) + ": row " + first.describe()
                    + (active.size() > 1 ? " and " + (active.size() - 1) + " more row(s)" : "");
            results.finding(RuleId.EXCLUDED_OIG, p.npi(), "", message);
            results.check(p.npi(), CHECK, CheckResult.FAIL, message, first.source());
        } else if (!pending.isEmpty()) {
            ExclusionList.Entry first = pending.get(0);
            String message = "on the OIG exclusion list with an exclusion starting " + first.exclDate() + ", after "
                    + month + ", " + how(p, first) + ": row " + first.describe();
            results.finding(RuleId.EXCLUSION_PENDING, p.npi(), first.exclDate().toString(), message);
            results.check(p.npi(), CHECK, CheckResult.WARN, message, first.source());
        } else {
            List<ExclusionList.Entry> possible = new ArrayList<>();
            List<ExclusionList.Entry> possiblePending = new ArrayList<>();
            List<ExclusionList.Entry> pool = new ArrayList<>(confirmed);
            pool.addAll(unconfirmable);
            split(unconfirmable, pool, monthEnd, possible, possiblePending);
            possible.addAll(possiblePending);
            if (!possible.isEmpty()) {
                ExclusionList.Entry first = possible.get(0);
                String message = "possible match on the OIG exclusion list, not confirmed: row " + first.describe()
                        + " has the provider's name but no NPI, and the birth date "
                        + (p.dateOfBirth() == null ? "is not on the roster" : "is not on the list")
                        + ": OIG advises never to rely on a name alone; verify on the OIG online search (by SSN)";
                results.finding(RuleId.EXCLUSION_POSSIBLE, p.npi(), LIST, message);
                results.check(p.npi(), CHECK, CheckResult.WARN, message, first.source());
            } else if (!confirmed.isEmpty() || !unconfirmable.isEmpty()) {
                List<ExclusionList.Entry> all = new ArrayList<>(confirmed);
                all.addAll(unconfirmable);
                results.check(p.npi(), CHECK, CheckResult.PASS, "reinstated by " + monthEnd + ": "
                        + all.stream().map(ExclusionList.Entry::describe).collect(Collectors.joining("; ")), all.get(0).source());
            } else {
                String detail = "not on the OIG exclusion list (" + list.rows() + " rows in "
                        + list.files().stream().map(SourceFile::toString).collect(Collectors.joining(", ")) + ")"
                        + (namesakes.isEmpty() ? "" : "; " + namesakes.size() + " namesake(s) with another birth date,"
                        + " e.g. row " + namesakes.get(0).describe());
                SourceFile latest = list.files().stream().filter(s -> s.date() != null)
                        .max((a, b) -> a.date().compareTo(b.date())).orElse(list.files().get(0));
                results.check(p.npi(), CHECK, CheckResult.PASS, detail,
                        list.files().stream().map(SourceFile::name).collect(Collectors.joining(", ")), latest.date());
            }
        }
        billing(p, list, month, billingNpis, results);
    }

    /** The billing NPIs on the provider's lines (other than its own), screened by NPI. */
    private static void billing(Provider p, ExclusionList list, YearMonth month, Collection<String> billingNpis,
                                Results results) {
        List<String> others = billingNpis.stream().filter(n -> !n.equals(p.npi())).sorted().toList();
        if (others.isEmpty()) {
            return;
        }
        LocalDate monthEnd = month.atEndOfMonth();
        List<String> clear = new ArrayList<>();
        for (String billing : others) {
            List<ExclusionList.Entry> rows = list.byNpi(billing);
            List<ExclusionList.Entry> active = new ArrayList<>();
            List<ExclusionList.Entry> pending = new ArrayList<>();
            split(rows, rows, monthEnd, active, pending);
            if (!active.isEmpty()) {
                String message = "claim lines are billed under NPI " + billing + ", which is on the OIG exclusion list:"
                        + " row " + active.get(0).describe();
                results.finding(RuleId.EXCLUDED_OIG, p.npi(), "billing NPI " + billing, message);
                results.check(p.npi(), BILLING_CHECK, CheckResult.FAIL, message, active.get(0).source());
            } else if (!pending.isEmpty()) {
                String message = "claim lines are billed under NPI " + billing + ", listed with an OIG exclusion starting "
                        + pending.get(0).exclDate() + ": row " + pending.get(0).describe();
                results.finding(RuleId.EXCLUSION_PENDING, p.npi(), pending.get(0).exclDate().toString(), message);
                results.check(p.npi(), BILLING_CHECK, CheckResult.WARN, message, pending.get(0).source());
            } else {
                clear.add(billing);
            }
        }
        if (!clear.isEmpty()) {
            results.check(p.npi(), BILLING_CHECK, CheckResult.PASS, "billing NPI(s) " + String.join(", ", clear)
                    + " not on the OIG exclusion list", list.files().get(0));
        }
    }

    /**
     * Sorts {@code rows} into exclusions in force at the month's end and exclusions starting after it,
     * leaving out those reinstated by the month's end (the row's own date, or a reinstatement row of
     * {@code pool} dated on or after the exclusion).
     */
    private static void split(List<ExclusionList.Entry> rows, List<ExclusionList.Entry> pool, LocalDate monthEnd,
                              List<ExclusionList.Entry> active, List<ExclusionList.Entry> pending) {
        List<ExclusionList.Entry> reinstatements = pool.stream()
                .filter(e -> e.reinDate() != null && !e.reinDate().isAfter(monthEnd)).toList();
        for (ExclusionList.Entry e : rows) {
            if (e.reinDate() != null && !e.reinDate().isAfter(monthEnd)) {
                continue;
            }
            boolean reinstatedLater = reinstatements.stream()
                    .anyMatch(r -> e.exclDate() == null || !r.reinDate().isBefore(e.exclDate()));
            if (reinstatedLater) {
                continue;
            }
            if (e.exclDate() != null && e.exclDate().isAfter(monthEnd)) {
                pending.add(e);
            } else {
                active.add(e);
            }
        }
    }

    private static String how(Provider p, ExclusionList.Entry e) {
        return e.npi() != null ? "matched by NPI " + p.npi()
                : "matched by name and birth date (birth date matched; the row has no NPI): a probable match";
    }
}
