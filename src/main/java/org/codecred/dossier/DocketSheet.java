package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.codecred.domain.Verdict;
import org.codecred.dossier.Styles.Kind;
import org.codecred.history.MonthHistory;
import org.codecred.verdict.ProviderVerdict;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The summary's first sheet, the committee's agenda: every HOLD and REVIEW provider and every
 * provider whose verdict changed since the previous completed month, in triage order, one row
 * each with the reason in words, the amount billed while not allowed, NEW or REPEAT, the previous
 * verdict, printed decision boxes and lines to sign and date. Rows stay at most three lines high
 * so that a printed page holds at least 15 providers.
 */
final class DocketSheet implements MonthSheet {

    static final String NAME = "Docket";

    /** Printed boxes to tick, one per decision the committee may take. */
    static final String DECISION_BOXES = String.join("   ", SummarySheet.DECISIONS.stream().map(d -> "□ " + d).toList());

    /** Reasons shown in full on a row; more are counted (the Providers sheet and the dossier have them all). */
    static final int REASONS_SHOWN = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Volume volume() {
        return Volume.MONTH;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        MonthHistory.Comparison comparison = summary.comparison();
        List<SummaryWorkbook.ProviderRow> rows = summary.providers().stream().filter(summary::onDocket).toList();
        sheet.title("Docket " + summary.month() + ": " + rows.size() + " providers for the committee (every HOLD and REVIEW"
                + (comparison.hasHistory() ? ", and every verdict changed since " + comparison.previousMonth() : "")
                + ")");
        sheet.tableHeader("Verdict", "Provider", "Reason", "Billed while not allowed", "New or repeat",
                "Previous verdict", "Decision (tick one)", "Signature", "Date");
        sheet.cap(1, 26);
        sheet.cap(2, 46);
        sheet.cap(6, 24);
        sheet.atLeast(7, 24);
        sheet.atLeast(8, 11);
        if (rows.isEmpty()) {
            sheet.row().skip().text("no provider needs a decision this month");
        }
        for (SummaryWorkbook.ProviderRow row : rows) {
            Provider p = row.provider();
            ProviderVerdict d = row.decision();
            SummaryMonth.DocketFacts facts = summary.docket().get(p.npi());
            BigDecimal billed = facts == null || facts.billedWhileNotAllowed().signum() == 0 ? null
                    : facts.billedWhileNotAllowed();
            Verdict previous = comparison.previousVerdict(p.npi());
            SheetWriter.RowWriter out = sheet.row().verdict(d.verdict())
                    .wrap(p.displayName() + ", " + p.credential() + " · NPI " + p.npi())
                    .wrap(reason(d, facts)).money(billed)
                    .text(newOrRepeat(d, previous, comparison.previousRules().getOrDefault(p.npi(), Set.of())));
            if (previous != null) {
                out.verdict(previous);
            } else {
                out.text(comparison.hasHistory() ? "not on the roster" : "none");
            }
            out.wrap(DECISION_BOXES).cell("", Kind.SIGN_LINE).cell("", Kind.SIGN_LINE);
        }
        sheet.finish();
    }

    /** The verdict's reasons in words, at most {@value #REASONS_SHOWN}, and whether to verify before acting. */
    static String reason(ProviderVerdict decision, SummaryMonth.DocketFacts facts) {
        List<String> words = DecisionWords.reasons(decision.reasons());
        String text = words.isEmpty() ? "no deciding finding"
                : String.join("; ", words.subList(0, Math.min(REASONS_SHOWN, words.size())))
                + (words.size() > REASONS_SHOWN ? "; and " + (words.size() - REASONS_SHOWN) + " more (see the dossier)" : "");
        if (facts != null && !facts.verify().isEmpty()) {
            text += " — verify before acting (see the dossier)";
        }
        return text;
    }

    /**
     * REPEAT when the provider had the same verdict in the previous completed month and every rule
     * behind it fired then too; NEW otherwise (a changed verdict is always NEW).
     */
    static String newOrRepeat(ProviderVerdict decision, Verdict previous, Set<String> rulesBefore) {
        if (previous != decision.verdict()) {
            return "NEW";
        }
        return rulesBefore.containsAll(DecisionWords.ruleIds(decision.reasons())) ? "REPEAT" : "NEW";
    }
}
