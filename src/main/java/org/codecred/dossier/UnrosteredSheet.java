package org.codecred.dossier;

import java.time.YearMonth;
import java.util.List;

/** The summary's Unrostered sheet: rendering NPIs that bill in the month without being on its roster. */
final class UnrosteredSheet implements MonthSheet {

    static final String NAME = "Unrostered";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        YearMonth month = summary.month();
        List<SummaryWorkbook.UnrosteredRow> rows = summary.unrostered();
        sheet.title("Rendering NPIs billing in " + month + " without being on the roster (" + rows.size() + ")");
        sheet.tableHeader("NPI", "Lines", "First service", "Last service");
        if (rows.isEmpty()) {
            sheet.row().text("none");
        }
        for (SummaryWorkbook.UnrosteredRow row : rows) {
            sheet.row().text(row.npi()).integer(row.lines()).date(row.firstService()).date(row.lastService());
        }
        sheet.finish();
    }
}
