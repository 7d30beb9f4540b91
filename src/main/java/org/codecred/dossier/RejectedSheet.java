package org.codecred.dossier;

import org.codecred.staging.RejectedRow;

import java.time.YearMonth;
import java.util.List;

/** The summary's Rejected sheet: the month's unreadable input rows with file, line, reason and the row as read. */
final class RejectedSheet implements MonthSheet {

    static final String NAME = "Rejected";

    /** Most characters of a rejected row's raw text shown in the workbook (rejected.csv has it all). */
    static final int RAW_SHOWN = 240;

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
        List<RejectedRow> rows = summary.facts().rejected();
        sheet.title("Input rows rejected in " + month + " (" + rows.size() + "); the full rows are in rejected.csv");
        sheet.tableHeader("File", "Line", "Reason", "Row as read (member id masked)");
        sheet.cap(2, 50);
        sheet.cap(3, 50);
        if (rows.isEmpty()) {
            sheet.row().text("none");
        }
        for (RejectedRow row : rows) {
            String raw = row.raw().length() > RAW_SHOWN ? row.raw().substring(0, RAW_SHOWN) + "… (cut; see rejected.csv)"
                    : row.raw();
            sheet.row().text(row.file()).lineNo(row.lineNumber()).wrap(row.reason()).wrap(raw);
        }
        sheet.finish();
    }
}
