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
import org.codecred.verdict.ProviderVerdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        sheet.sheet().setDisplayGridlines(false);
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
        sheet.row().spanning(verdict == null ? NOT_DECIDED : DecisionWords.headline(verdict), Kind.VERDICT,
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
        for (Cutoff cutoff : DecisionWords.cutoffs(p, dossier.findings())) {
            sheet.value("Billed while not allowed",
                    DecisionWords.billedAfter(cutoff, dossier.lines()) + " (flagged on Claim Lines)");
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
        sheet.value("Claim lines", decision == null ? dossier.lines().size() + " (no verdict decided)"
                : dossier.lines().size() + " lines; " + decision.codingErrors() + " with coding errors; coding accuracy "
                + (decision.codingAccuracy() == null ? "not computed (no lines)"
                : String.format(Locale.ROOT, "%.1f %%", decision.codingAccuracy() * 100)));
        sheet.value("Findings", dossier.count(Severity.ERROR) + " errors, " + dossier.count(Severity.WARNING)
                + " warnings, " + dossier.count(Severity.INFO) + " for the record");
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
        int decisionRow = sheet.row().label("Decision").input().index();
        sheet.row().label("Signature").input().height(30);
        sheet.row().label("Comments").input().height(64);
        sheet.row().skip().spanning("Decision: choose " + String.join(", ", DECISIONS) + " from the list.", Kind.TEXT,
                Fill.NONE);
        sheet.finish();
        sheet.dropDown(DECISIONS, decisionRow, decisionRow, 1, sheet.widths().length - 1);
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
                facts.add(new String[] {decision.verdict() == Verdict.CLEAR ? "Reasons" : "Coding errors", reason});
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
