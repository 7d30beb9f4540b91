package org.codecred.dossier;

import org.codecred.alignment.AlignmentRow;
import org.codecred.credentials.CheckResult;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.dossier.DecisionWords.Cutoff;
import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;
import org.codecred.staging.RejectedRow;
import org.codecred.verdict.ProviderVerdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dossier's first sheet: the decision (verdict, the facts that decided it in words, the
 * amounts billed while not allowed), the claimed specialties, key figures, the provider's identity
 * and the committee's review block. Printed upright on one page.
 */
final class SummarySheet implements DossierSheet {

    static final String NAME = "Summary";

    /** The committee's decisions, offered as a drop-down in the reviewer block. */
    static final List<String> DECISIONS = List.of("Approve", "Deny", "Defer", "Conditional");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        Provider p = dossier.provider();
        ProviderVerdict decision = dossier.decision();
        sheet.noGridLines();
        sheet.portrait();
        sheet.budget(540);
        sheet.fillToBudget();
        sheet.cap(0, 24);
        sheet.title("Credentialing dossier: " + dossier.identity());
        Verdict verdict = decision == null ? null : decision.verdict();
        Fill band = verdict == null ? Fill.MUTED : switch (verdict) {
            case HOLD -> Fill.HOLD_BAND;
            case REVIEW -> Fill.REVIEW_BAND;
            case CLEAR -> Fill.CLEAR_BAND;
        };
        sheet.band(band, 7);
        long errors = dossier.count(Severity.ERROR);
        long warnings = dossier.count(Severity.WARNING);
        sheet.row().spanning(verdict == null ? NOT_DECIDED : DecisionWords.headline(verdict, errors, warnings), Kind.VERDICT,
                verdict == null ? Fill.MUTED : Fill.of(verdict));
        sheet.band(band, 7);
        if (verdict != null) {
            sheet.value("Recommended action", DecisionWords.action(verdict));
        }

        sheet.heading("What decided it");
        List<String[]> facts = decidingFacts(dossier);
        if (facts.isEmpty()) {
            sheet.value("Reasons", decision == null ? NOT_DECIDED : "none");
        }
        for (String[] fact : facts) {
            sheet.value(fact[0], fact[1]);
        }
        if (verdict != null && verdict != Verdict.CLEAR) {
            String codingRules = codingErrorsByRule(dossier.findings());
            if (facts.stream().anyMatch(f -> f[0].equals(CODING_ERRORS)) && !codingRules.isEmpty()) {
                sheet.value("Coding errors by rule", codingRules);
            }
            for (String verify : verifyNotes(dossier)) {
                sheet.value("Verify before acting", verify.substring(VERIFY_PREFIX.length()));
            }
        }
        for (Cutoff cutoff : DecisionWords.cutoffs(p, dossier.findings())) {
            sheet.value("Billed while not allowed",
                    DecisionWords.billedAfter(cutoff, dossier.countedLines()) + " (flagged on Claim Lines)");
        }

        sheet.heading("Claimed specialties");
        sheet.header("Specialty", "Outcome", "Visits with evidence", "Evidence");
        List<AlignmentRow> claimed = dossier.alignments().stream().filter(AlignmentRow::claimed).toList();
        if (claimed.isEmpty()) {
            if (p.specialties().isEmpty()) {
                sheet.row().text("none claimed");
            }
            for (String specialty : p.specialties()) {
                sheet.row().text(specialty).text(NOT_ASSESSED, Fill.MUTED);
            }
        }
        for (AlignmentRow a : claimed) {
            long[] visits = DecisionWords.visits(a.evidence());
            sheet.row().text(a.specialty()).text(a.outcome().id(), Fill.of(a.outcome()))
                    .text(visits == null ? "" : visits[0] + " of " + visits[1] + " visits").text(a.evidence());
        }

        sheet.heading("Key figures");
        sheet.value("Claim lines", decision == null ? dossier.countedLines().size() + " (no verdict decided)"
                : dossier.countedLines().size() + " lines; " + decision.codingErrors() + " with coding errors; coding accuracy "
                + (decision.codingAccuracy() == null ? "not computed (no lines)"
                : String.format(Locale.ROOT, "%.1f %%", decision.codingAccuracy() * 100)));
        sheet.value("Findings", dossier.count(Severity.ERROR) + " errors, " + dossier.count(Severity.WARNING)
                + " warnings, " + dossier.count(Severity.INFO) + " for the record");
        sheet.value("Rejected input rows", rejectedRows(dossier.rejected()));
        sheet.value("Credential checks", dossier.checks().isEmpty() ? NO_CHECKS
                : dossier.checks().stream().filter(c -> c.result() == CheckResult.FAIL).count() + " failed of "
                + dossier.checks().size());
        sheet.value(dossier.history().previousMonth() == null ? "Previous verdict"
                : "Previous verdict (" + dossier.history().previousMonth() + ")", dossier.history().previousVerdictText());

        sheet.heading("Provider");
        sheet.value("Name, NPI", p.displayName() + ", NPI " + p.npi());
        sheet.value("Credential, taxonomy", p.credential() + ", taxonomy " + p.taxonomyCode());
        sheet.value("License", p.licenseNumber() + " (" + p.licenseState() + "), expires "
                + (p.licenseExpires() == null ? "— not on the roster" : p.licenseExpires())
                + " (as the roster states; not verified with the state board)");
        sheet.value("Month, generated", dossier.month() + ", generated " + Workbooks.utc(dossier.generated()) + " UTC");

        sheet.heading("Committee review");
        sheet.row().label("Reviewed by").input();
        sheet.row().label("Date").input();
        // printed boxes to tick on paper; on screen the same cell offers the decisions as a list
        int decisionRow = sheet.row().label("Decision").input(DocketSheet.DECISION_BOXES).index();
        sheet.row().label("Signature").input().height(30);
        sheet.row().label("Comments").input().height(64);
        sheet.row().skip().spanning("Decision: tick one box on paper, or choose " + String.join(", ", DECISIONS)
                + " from the cell's list on screen.", Kind.TEXT, Fill.NONE);
        sheet.finish();
        sheet.dropDown(DECISIONS, decisionRow, decisionRow, 1, sheet.widths().length - 1);
    }

    private static final String CODING_ERRORS = "Coding errors";
    private static final String VERIFY_PREFIX = "Verify before acting: ";

    /** "3 lines NCCI-PTP, 2 lines TIME-UPCODED": the ERROR findings on claim lines by rule, most first. */
    static String codingErrorsByRule(List<Finding> findings) {
        Map<String, Long> byRule = findings.stream()
                .filter(f -> f.claimId() != null && f.severity() == Severity.ERROR)
                .collect(Collectors.groupingBy(f -> f.rule().id(), TreeMap::new, Collectors.counting()));
        return byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + (e.getValue() == 1 ? " line " : " lines ") + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** What to verify before acting on the verdict, one note per finding that rests on a probable match or the roster. */
    static List<String> verifyNotes(Dossier dossier) {
        Set<String> deciding = new LinkedHashSet<>(DecisionWords.ruleIds(dossier.decision().reasons()));
        return dossier.findings().stream().filter(f -> deciding.contains(f.rule().id()))
                .map(DecisionWords::verifyBeforeActing).filter(Objects::nonNull).distinct().toList();
    }

    /** "2 rows: service_date (1), expected 14 fields as in the header (1); see rejected.csv", or "none name this NPI". */
    static String rejectedRows(List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return "none of the month's rejected input rows names this NPI";
        }
        Map<String, Long> byReason = rows.stream()
                .collect(Collectors.groupingBy(r -> reasonKind(r.reason()), TreeMap::new, Collectors.counting()));
        return rows.size() + (rows.size() == 1 ? " row" : " rows") + " naming this NPI could not be read and count"
                + " nowhere: " + byReason.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", ")) + "; see rejected.csv";
    }

    /** The kind of a reject's reason: the field it names ("service_date"), else its first clause. */
    static String reasonKind(String reason) {
        int colon = reason.indexOf(':');
        if (colon > 0 && colon <= 40 && reason.substring(0, colon).matches("[\\w ()./-]+")) {
            return reason.substring(0, colon);
        }
        String first = reason.split("[,(;]", 2)[0].trim();
        return first.isEmpty() ? reason : first;
    }

    /** Each fact that decided the verdict: (reason in words, the finding's message); for CLEAR, the reason. */
    static List<String[]> decidingFacts(Dossier dossier) {
        List<String[]> facts = new ArrayList<>();
        ProviderVerdict decision = dossier.decision();
        if (decision == null) {
            return facts;
        }
        Set<String> ids = new LinkedHashSet<>(DecisionWords.ruleIds(decision.reasons()));
        List<String> words = DecisionWords.reasons(decision.reasons());
        for (String reason : words) {
            // the reasons that are no rule (the coding-error share, CLEAR's summary) stand as written
            if (ids.stream().noneMatch(id -> reason.startsWith(DecisionWords.reason(id)))) {
                facts.add(new String[] {decision.verdict() == Verdict.CLEAR ? "Reasons" : CODING_ERRORS, reason});
            }
        }
        for (String id : ids) {
            List<Finding> hits = dossier.findings().stream().filter(f -> f.rule().id().equals(id)).toList();
            List<Finding> providerLevel = hits.stream().filter(f -> f.claimId() == null).toList();
            for (Finding f : providerLevel) {
                facts.add(new String[] {DecisionWords.reason(id), f.message()});
            }
            if (hits.isEmpty()) {
                String detail = DecisionWords.detailOf(decision.reasons(), id);
                facts.add(new String[] {DecisionWords.reason(id), detail.isEmpty() ? "see Findings" : detail});
            } else if (providerLevel.isEmpty()) {
                facts.add(new String[] {DecisionWords.reason(id), hits.size() + (hits.size() == 1 ? " line" : " lines")
                        + " (see Findings), e.g. " + hits.get(0).message()});
            }
        }
        return facts;
    }
}
