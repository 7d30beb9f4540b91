package org.codecred.dossier;

import org.codecred.domain.Verdict;
import org.codecred.dossier.Styles.Fill;
import org.codecred.history.MonthHistory;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The summary's Overview: providers by verdict, with what each asks of the committee, and the run's counts. */
final class OverviewSheet implements MonthSheet {

    static final String NAME = "Overview";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        YearMonth month = summary.month();
        List<SummaryWorkbook.ProviderRow> rows = summary.providers();
        SummaryWorkbook.RunCounts counts = summary.facts().counts();
        sheet.noGridLines();
        sheet.budget(600);
        sheet.fillToBudget();
        sheet.title("Credentialing summary " + month + ": " + rows.size() + " providers");
        sheet.skipRows(1);
        sheet.heading("Providers by verdict");
        MonthHistory.Comparison comparison = summary.comparison();
        String before = comparison.hasHistory() ? comparison.previousMonth().toString() : "previous month";
        sheet.header("Verdict", "Providers " + month, "Providers " + before, "What it asks of the committee");
        Map<Verdict, Long> previous = new EnumMap<>(Verdict.class);
        comparison.previousVerdicts().values().forEach(v -> previous.merge(v, 1L, Long::sum));
        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        long undecided = 0;
        for (SummaryWorkbook.ProviderRow row : rows) {
            if (row.decision() == null) {
                undecided++;
            } else {
                byVerdict.merge(row.decision().verdict(), 1L, Long::sum);
            }
        }
        for (Verdict verdict : Verdict.values()) {
            SheetWriter.RowWriter row = sheet.row().verdict(verdict).integer(byVerdict.getOrDefault(verdict, 0L));
            if (comparison.hasHistory()) {
                row.integer(previous.getOrDefault(verdict, 0L));
            } else {
                row.text("none completed");
            }
            row.wrap(DecisionWords.action(verdict));
        }
        if (undecided > 0) {
            sheet.row().text(DossierSheet.NOT_DECIDED, Fill.MUTED).integer(undecided).skip()
                    .text("the run did not decide a verdict");
        }
        SheetWriter.RowWriter all = sheet.row().label("All providers").integer(rows.size());
        if (comparison.hasHistory()) {
            all.integer(comparison.previousVerdicts().size());
        }
        sheet.skipRows(1);
        sheet.heading("The run");
        if (counts == null) {
            sheet.row().label("Counts").text("not recorded");
        } else {
            sheet.row().label("Claim lines read").integer(counts.linesRead());
            sheet.row().label("Claim lines accepted").integer(counts.linesAccepted());
            sheet.row().label("Claim lines rejected").integer(counts.linesRejected()).text("see the Rejected sheet");
            sheet.row().label("Unrostered NPIs").integer(counts.unrosteredNpis()).text("see the Unrostered sheet");
            sheet.row().label("Roster rows rejected").integer(counts.rosterRowsRejected()).text("see the Rejected sheet");
        }
        sheet.finish();
    }
}
