package org.codecred.dossier;

import org.codecred.domain.RuleId;
import org.codecred.dossier.Styles.Fill;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** The summary's Rules sheet: the month's findings by rule, every catalog rule kept. */
final class RulesSheet implements MonthSheet {

    static final String NAME = "Rules";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SheetWriter sheet, SummaryMonth summary) {
        YearMonth month = summary.month();
        List<SummaryWorkbook.RuleRow> rows = summary.rules();
        sheet.title("Findings by rule, " + month);
        sheet.tableHeader("Rule", "Severity", "Area", "Findings", "Providers");
        for (SummaryWorkbook.RuleRow row : rows) {
            RuleId rule = row.rule();
            // the step that finds it (RuleId's stage): credential rules added later in the catalog stay credentials
            String area = rule.stage().name().toLowerCase(Locale.ROOT);
            // the findings' own severity: a rule capped by an UNVERIFIED value has a WARNING row of its own
            sheet.row().fill(row.findings() == 0 ? Fill.NONE : Fill.of(row.severity()))
                    .text(rule.id()).text(row.severity().name()).text(area).integer(row.findings()).integer(row.providers());
        }
        sheet.finish();
    }
}
