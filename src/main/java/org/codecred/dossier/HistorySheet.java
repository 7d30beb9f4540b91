package org.codecred.dossier;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.codecred.alignment.MetricIds;
import org.codecred.domain.Severity;
import org.codecred.domain.Verdict;
import org.codecred.dossier.Styles.Fill;
import org.codecred.history.ProviderHistory;
import org.codecred.verdict.ProviderVerdict;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dossier's History sheet: this month and up to eleven completed months before it, one row per
 * month (verdict, lines, coding accuracy, findings by severity, key metrics), and a line chart of
 * the shares over the months. Months without a row for the provider (not on that roster) are not
 * listed; months are the completed ones, not every calendar month.
 */
final class HistorySheet implements DossierSheet {

    static final String NAME = "History";

    /** Key metrics shown per month: id and column title. Shares are charted. */
    static final List<String[]> METRICS = List.of(
            new String[] {MetricIds.SHARE_90837, "90837 share"},
            new String[] {MetricIds.TELEHEALTH_SHARE, "Telehealth share"},
            new String[] {MetricIds.SERVICES_PER_DAY, "Services per day"},
            new String[] {MetricIds.MEMBERS, "Members"});

    static final String NO_HISTORY = "no earlier completed month in the database";

    @Override
    public String name() {
        return NAME;
    }

    /** The trend is for the screen: page 1 of the Summary states the previous verdict. */
    @Override
    public boolean printsFor(Dossier dossier) {
        return false;
    }

    /** One row of the sheet. */
    record MonthRow(YearMonth month, Verdict verdict, Integer lines, Double codingAccuracy, Integer errors,
                    Integer warnings, Integer infos, Map<String, Double> metrics) {
    }

    static List<MonthRow> rows(Dossier dossier) {
        List<MonthRow> rows = new ArrayList<>();
        for (ProviderHistory.PastMonth m : dossier.history().months()) {
            rows.add(new MonthRow(m.month(), m.verdict(), m.lines(), m.codingAccuracy(), m.errors(),
                    m.warnings(), m.infos(), m.metrics()));
        }
        ProviderVerdict d = dossier.decision();
        Map<String, Double> metrics = new HashMap<>();
        dossier.metrics().forEach(m -> metrics.put(m.id(), m.value()));
        rows.add(new MonthRow(dossier.month(), d == null ? null : d.verdict(), d == null ? null : (int) d.lines(),
                d == null ? null : d.codingAccuracy(), (int) dossier.count(Severity.ERROR),
                (int) dossier.count(Severity.WARNING), (int) dossier.count(Severity.INFO), metrics));
        return rows;
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        sheet.title("History: " + dossier.identity());
        List<String> header = new ArrayList<>(List.of("Month", "Verdict", "Lines", "Coding accuracy", "Errors",
                "Warnings", "Info"));
        METRICS.forEach(m -> header.add(m[1]));
        sheet.tableHeader(header.toArray(String[]::new));
        int firstRow = sheet.rowIndex();
        List<MonthRow> rows = rows(dossier);
        for (MonthRow row : rows) {
            SheetWriter.RowWriter out = sheet.row().text(row.month().toString());
            if (row.verdict() == null) {
                out.text(NOT_DECIDED, Fill.MUTED);
            } else {
                out.verdict(row.verdict());
            }
            out.integer(row.lines()).percent(row.codingAccuracy()).integer(row.errors()).integer(row.warnings())
                    .integer(row.infos());
            for (String[] metric : METRICS) {
                Double value = row.metrics().get(metric[0]);
                if (MetricIds.isShare(metric[0])) {
                    out.percent(value);
                } else {
                    out.decimal(value);
                }
            }
        }
        int lastRow = sheet.rowIndex() - 1;
        if (dossier.history().previousMonth() == null) {
            sheet.skipRows(1);
            sheet.row().text(NO_HISTORY);
        }
        int adjustments = adjustedEarlierMonths(sheet, dossier);
        sheet.atLeast(0, 10);
        sheet.finish();
        int top = rows.size() + 4 + adjustments;
        sheet.chart(new SheetChart(TREND, firstRow, lastRow, 0, top, 8, top + 18));
    }

    /**
     * Replacements and voids this month of claims an earlier completed month counted
     * (CLAIM-ADJUSTS-EARLIER): that month's row above stays as recorded. Returns the rows written.
     */
    private static int adjustedEarlierMonths(SheetWriter sheet, Dossier dossier) {
        List<org.codecred.domain.Finding> adjusted = dossier.findings().stream()
                .filter(f -> f.rule() == org.codecred.domain.RuleId.CLAIM_ADJUSTS_EARLIER).toList();
        if (adjusted.isEmpty()) {
            return 0;
        }
        sheet.skipRows(1);
        sheet.row().text("Claims of earlier months adjusted this month (CLAIM-ADJUSTS-EARLIER); those months' rows"
                + " above stay as recorded:");
        for (org.codecred.domain.Finding f : adjusted) {
            sheet.row().text(f.subject()).text("claim " + f.claimId() + " line " + f.lineNo() + ", "
                    + (f.message().startsWith("void") ? "voided" : "replaced"));
        }
        return adjusted.size() + 2;
    }

    /** Coding accuracy, 90837 share and telehealth share by month, on one percentage axis. */
    private static final SheetChart.Drawer TREND = HistorySheet::trendChart;

    private static void trendChart(XSSFChart chart, XSSFSheet sheet, int firstRow, int lastRow) {
        chart.setTitleText("Trend by month (shares of lines)");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
        months.setTitle("Month");
        XDDFValueAxis share = chart.createValueAxis(AxisPosition.LEFT);
        share.setCrosses(AxisCrosses.AUTO_ZERO);
        share.setNumberFormat("0%");
        share.setMinimum(0);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, months, share);
        data.setVaryColors(false);
        series(data, sheet, categories, firstRow, lastRow, 3, "Coding accuracy", new byte[] {0x2E, (byte) 0x8B, 0x57});
        series(data, sheet, categories, firstRow, lastRow, 7, "90837 share", new byte[] {0x3C, 0x78, (byte) 0xD8});
        series(data, sheet, categories, firstRow, lastRow, 8, "Telehealth share", new byte[] {(byte) 0xE0, (byte) 0x8A, 0x1E});
        chart.plot(data);
    }

    private static void series(XDDFLineChartData data, XSSFSheet sheet, XDDFDataSource<String> categories,
                               int firstRow, int lastRow, int column, String title, byte[] rgb) {
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories,
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastRow, column, column)));
        series.setTitle(title, null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.CIRCLE);
        // explicit colors: LibreOffice draws series without them invisible
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        series.setLineProperties(line);
    }
}
