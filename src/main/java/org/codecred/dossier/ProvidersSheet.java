package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.codecred.domain.Verdict;
import org.codecred.dossier.Styles.Fill;
import org.codecred.history.MonthHistory;
import org.codecred.history.VerdictChange;
import org.codecred.verdict.ProviderVerdict;

import java.time.YearMonth;
import java.util.List;

/** The summary's Providers sheet: every rostered provider in triage order (HOLD, REVIEW, CLEAR, by NPI) with reasons in words, previous verdict, a Committee decision drop-down and a link to the dossier. */
final class ProvidersSheet implements MonthSheet {

    static final String NAME = "Providers";

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
        YearMonth month = summary.month();
        List<SummaryWorkbook.ProviderRow> rows = summary.providers();
        MonthHistory.Comparison comparison = summary.facts().comparison();
        sheet.noGridLines();
        sheet.title("Providers credentialed for " + month + " (" + rows.size() + "), HOLD first"
                + (comparison.hasHistory() ? ", compared with " + comparison.previousMonth() : ", no earlier completed month"));
        int header = sheet.tableHeader("Verdict", "NPI", "Name", "Credential", "Reasons", "Previous verdict", "Lines",
                "Coding accuracy", "Errors", "Warnings", "Unsupported specialties", "Committee decision", "Dossier",
                "Change");
        sheet.cap(4, 48);
        sheet.atLeast(4, 36); // the reasons are what a reader scans: never squeezed to a few words a line
        sheet.atLeast(11, 14);
        for (SummaryWorkbook.ProviderRow row : rows) {
            Provider p = row.provider();
            ProviderVerdict d = row.decision();
            String file = DossierFileName.of(p.npi(), p.lastName());
            SheetWriter.RowWriter out = sheet.row();
            if (d == null) {
                out.text(DossierSheet.NOT_DECIDED, Fill.MUTED).text(p.npi()).text(p.displayName()).text(p.credential())
                        .text("");
            } else {
                out.verdict(d.verdict()).text(p.npi()).text(p.displayName()).text(p.credential())
                        .text(String.join("; ", DecisionWords.reasons(d.reasons())));
            }
            Verdict previous = comparison.previousVerdict(p.npi());
            if (previous != null) {
                out.verdict(previous);
            } else {
                out.text(comparison.hasHistory() ? "not on the roster in " + comparison.previousMonth() : "none");
            }
            out.integer(row.lines());
            if (d == null || d.codingAccuracy() == null) {
                out.text(d == null ? DossierSheet.NOT_DECIDED : "no lines");
            } else {
                out.percent(d.codingAccuracy());
            }
            out.integer(row.errors()).integer(row.warnings())
                    .text(row.unsupported() == null ? DossierSheet.NOT_ASSESSED
                            : row.unsupported().isEmpty() ? "none" : row.unsupported())
                    .cell("", Styles.Kind.INPUT)
                    .link(file, "dossiers/" + file);
            VerdictChange change = comparison.change(p.npi(), d == null ? null : d.verdict());
            out.text(change.marker(), change == VerdictChange.WORSE ? Fill.WARNING : Fill.NONE);
        }
        sheet.finish();
        if (!rows.isEmpty()) {
            sheet.dropDown(SummarySheet.DECISIONS, header + 1, header + rows.size(), 11, 11);
        }
    }
}
