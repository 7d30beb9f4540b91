package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.codecred.domain.Verdict;
import org.codecred.history.MonthHistory;
import org.codecred.history.VerdictChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The summary's Changes since last month: every provider whose verdict moved since the previous
 * completed month, worse or better, and by rule the providers for whom it is newly raised or no
 * longer raised, in words.
 */
final class ChangesSheet implements MonthSheet {

    static final String NAME = "Changes since last month";

    /** Providers named per rule and direction; more are counted. */
    static final int NAMES_SHOWN = 12;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        MonthHistory.Comparison comparison = summary.comparison();
        if (!comparison.hasHistory()) {
            sheet.title("Changes since last month: no month before " + summary.month() + " is completed in the database");
            sheet.finish();
            return;
        }
        List<SummaryWorkbook.ProviderRow> changed = new ArrayList<>();
        for (SummaryWorkbook.ProviderRow row : summary.providers()) {
            VerdictChange change = change(comparison, row);
            if (change == VerdictChange.WORSE || change == VerdictChange.BETTER) {
                changed.add(row);
            }
        }
        sheet.title("Changes in " + summary.month() + " since " + comparison.previousMonth() + ": " + changed.size()
                + " verdicts changed");
        sheet.tableHeader("Provider", "NPI", "Verdict before", "Verdict now", "Change", "Reasons now");
        sheet.cap(5, 60);
        if (changed.isEmpty()) {
            sheet.row().text("no verdict changed");
        }
        for (SummaryWorkbook.ProviderRow row : changed) {
            Provider p = row.provider();
            sheet.row().text(p.displayName()).text(p.npi()).verdict(comparison.previousVerdict(p.npi()))
                    .verdict(row.decision().verdict()).text(change(comparison, row) == VerdictChange.WORSE
                            ? "worse (towards HOLD)" : "better (towards CLEAR)")
                    .wrap(String.join("; ", DecisionWords.reasons(row.decision().reasons())));
        }
        sheet.skipRows(1);
        sheet.heading("Findings by rule: providers for whom a rule is newly raised, or no longer raised, since "
                + comparison.previousMonth());
        sheet.header("Rule", "In words", "Newly raised", "No longer raised", "Which providers");
        Map<String, String> names = new HashMap<>();
        summary.providers().forEach(r -> names.put(r.provider().npi(), r.provider().displayName()));
        Map<String, List<String>[]> byRule = byRule(summary.rulesNow(), comparison.previousRules(),
                names.keySet());
        if (byRule.isEmpty()) {
            sheet.row().text("no rule raised or resolved");
        }
        for (Map.Entry<String, List<String>[]> e : byRule.entrySet()) {
            List<String> raised = e.getValue()[0];
            List<String> resolved = e.getValue()[1];
            sheet.row().text(e.getKey()).wrap(DecisionWords.reason(e.getKey()).equals(e.getKey()) ? null
                    : DecisionWords.reason(e.getKey())).integer(raised.size()).integer(resolved.size())
                    .wrap(sentence("newly raised for", raised, names) + (raised.isEmpty() || resolved.isEmpty() ? "" : "; ")
                            + sentence("no longer raised for", resolved, names));
        }
        sheet.finish();
    }

    private static VerdictChange change(MonthHistory.Comparison comparison, SummaryWorkbook.ProviderRow row) {
        Verdict now = row.decision() == null ? null : row.decision().verdict();
        return comparison.change(row.provider().npi(), now);
    }

    /**
     * Per rule (sorted by id), the rostered providers it is newly raised for and those it is no
     * longer raised for: compared only over providers on both months' rosters would hide a newcomer's
     * findings, so a provider new on the roster counts as newly raised.
     */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>[]> byRule(Map<String, Set<String>> now, Map<String, Set<String>> before,
                                              Set<String> rostered) {
        Map<String, List<String>[]> byRule = new java.util.TreeMap<>();
        for (String npi : new TreeSet<>(rostered)) {
            Set<String> a = now.getOrDefault(npi, Set.of());
            Set<String> b = before.getOrDefault(npi, Set.of());
            for (String rule : a) {
                if (!b.contains(rule)) {
                    byRule.computeIfAbsent(rule, k -> new List[] {new ArrayList<>(), new ArrayList<>()})[0].add(npi);
                }
            }
            for (String rule : b) {
                if (!a.contains(rule)) {
                    byRule.computeIfAbsent(rule, k -> new List[] {new ArrayList<>(), new ArrayList<>()})[1].add(npi);
                }
            }
        }
        return byRule;
    }

    private static String sentence(String what, List<String> npis, Map<String, String> names) {
        if (npis.isEmpty()) {
            return "";
        }
        List<String> shown = npis.subList(0, Math.min(NAMES_SHOWN, npis.size())).stream()
                .map(npi -> names.get(npi) + " (" + npi + ")").toList();
        return what + " " + npis.size() + (npis.size() == 1 ? " provider: " : " providers: ") + String.join(", ", shown)
                + (npis.size() > NAMES_SHOWN ? " and " + (npis.size() - NAMES_SHOWN) + " more" : "");
    }
}
