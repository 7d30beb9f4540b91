package org.codecred.dossier;

import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;

/**
 * The Sources sheet of the dossier and of the summary workbook: the files the run read (kind,
 * name, date and where the date comes from, rows, bytes, SHA-256), the version and the run's times.
 */
final class SourcesSheet implements DossierSheet, MonthSheet {

    static final String NAME = "Sources";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        sources(sheet, run);
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth month) {
        sources(sheet, month.facts().run());
    }

    private static void sources(SheetWriter sheet, RunFacts run) {
        sheet.title("Sources: every input and rule file this run read");
        sheet.row().label("CodeCred version").spanning(run.version(), Kind.TEXT, Fill.NONE);
        sheet.row().label("Run started (UTC)").spanning(Workbooks.utc(run.started()), Kind.TEXT, Fill.NONE);
        sheet.row().label("Run ended (UTC)").spanning(run.ended() == null
                ? "after this file was written (see run-summary.json)" : Workbooks.utc(run.ended()), Kind.TEXT, Fill.NONE);
        sheet.paragraph("Coding edits come from the rule files listed: \"as published by CMS / NUCC\" files are read"
                + " as CMS and NUCC ship them; \"kept by hand\" tables are maintained with CodeCred. A finding that"
                + " rests on a table value marked UNVERIFIED says so in its message. License expiry dates come from"
                + " the roster, not from the state board.");
        sheet.tableHeader("Kind", "File", "Date", "Date from", "Rows", "Bytes", "SHA-256");
        sheet.cap(6, 78);
        if (run.sources().isEmpty()) {
            sheet.row().text("not recorded");
        }
        for (SourceFiles.SourceFile f : run.sources()) {
            sheet.row().text(f.kind()).text(f.name()).date(f.date()).text(f.dateFrom()).integer(f.rows())
                    .integer(f.bytes()).text(f.sha256());
        }
        sheet.finish();
    }
}
