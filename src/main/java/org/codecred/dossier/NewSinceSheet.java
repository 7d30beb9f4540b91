package org.codecred.dossier;

import org.codecred.domain.Provider;
import org.codecred.dossier.Styles.Fill;
import org.codecred.history.MonthHistory;

import java.time.YearMonth;
import java.util.List;

/** The summary's New since last month sheet: providers newly HOLD or newly excluded since the previous completed month. */
final class NewSinceSheet implements MonthSheet {

    static final String NAME = "New since last month";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        YearMonth month = summary.month();
        MonthHistory.Comparison comparison = summary.facts().comparison();
        List<SummaryWorkbook.NewSinceRow> rows = summary.facts().newSince();
        if (!comparison.hasHistory()) {
            sheet.title("New since last month: no month before " + month + " is completed in the database");
            sheet.finish();
            return;
        }
        sheet.title("Newly HOLD or newly excluded in " + month + " since " + comparison.previousMonth()
                + " (" + rows.size() + ")");
        sheet.tableHeader("NPI", "Name", "Credential", "Verdict", "Previous verdict", "What is new", "Reasons", "Dossier");
        if (rows.isEmpty()) {
            sheet.row().text("none");
        }
        for (SummaryWorkbook.NewSinceRow row : rows) {
            Provider p = row.provider();
            String file = DossierFileName.of(p.npi(), p.lastName());
            sheet.row().text(p.npi()).text(p.displayName()).text(p.credential())
                    .text(row.verdict() == null ? "" : row.verdict().name(),
                            row.verdict() == null ? Fill.NONE : Fill.of(row.verdict()))
                    .text(row.previousVerdict() == null ? "not on the roster" : row.previousVerdict().name())
                    .text(row.what()).wrap(row.reasons()).link(file, "dossiers/" + file);
        }
        sheet.finish();
    }
}
