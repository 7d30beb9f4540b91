package org.codecred.dossier;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.codecred.alignment.ProviderMetric;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.TimeBands;
import org.codecred.dossier.Styles.Fill;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dossier's Coding Profile sheet: code mix, documented minutes over the timed codes, top
 * primary diagnoses, the peer comparison, and two charts (code mix, provider against peers), drawn
 * with POI's chart model ({@link SheetChart}).
 */
final class CodingProfileSheet implements DossierSheet {

    static final String NAME = "Coding Profile";

    /** Metric columns: the two after the table's seven are the chart's helpers (hidden). */
    private static final int HELPER_RATIO = 7;
    private static final int HELPER_MEDIAN = 8;
    private static final int HELPER_THRESHOLD = 9;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean printsFor(Dossier dossier) {
        return DossierSheet.needsDecision(dossier);
    }

    @Override
    public void write(SheetWriter sheet, Dossier dossier, RunFacts run) {
        List<ClaimLine> lines = dossier.countedLines();
        sheet.title("Coding profile: " + dossier.identity());
        sheet.freezeAndRepeat(0);
        sheet.skipRows(1);

        Set<String> unknownCodes = dossier.findings().stream()
                .filter(f -> f.procedureCode() != null && f.rule().id().startsWith("CODE-"))
                .map(f -> f.procedureCode() + '\u0000' + f.rule().id()).collect(Collectors.toSet());
        sheet.heading("Codes billed");
        sheet.header("Code", "Lines", "Units", "Share of lines", "Note");
        Map<String, long[]> byCode = new TreeMap<>(); // longs: units summed over a month never wrap around
        for (ClaimLine line : lines) {
            long[] counts = byCode.computeIfAbsent(line.procedureCode(), c -> new long[2]);
            counts[0]++;
            counts[1] += line.units();
        }
        List<Map.Entry<String, long[]>> codes = new ArrayList<>(byCode.entrySet());
        codes.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        int firstCodeRow = sheet.rowIndex();
        for (Map.Entry<String, long[]> code : codes) {
            String note = unknownCodes.contains(code.getKey() + "\u0000CODE-UNKNOWN")
                    ? "deleted or invalid on the service date (CODE-UNKNOWN)"
                    : unknownCodes.contains(code.getKey() + "\u0000CODE-UNRECOGNIZED") ? "not in the code tables (CODE-UNRECOGNIZED)"
                    : run.timedCodes().contains(code.getKey()) ? "timed" : null;
            boolean flagged = note != null && note.startsWith("deleted");
            sheet.row().fill(flagged ? Fill.ERROR : Fill.NONE).text(code.getKey()).integer(code.getValue()[0])
                    .integer(code.getValue()[1]).percent((double) code.getValue()[0] / lines.size()).text(note);
        }
        int lastCodeRow = sheet.rowIndex() - 1;
        if (lines.isEmpty()) {
            sheet.row().text(NO_LINES);
        } else {
            sheet.row().label("All codes").integer(lines.size())
                    .integer(lines.stream().mapToLong(ClaimLine::units).sum()).percent(1.0);
        }
        sheet.skipRows(1);

        List<ClaimLine> timed = lines.stream().filter(l -> run.timedCodes().contains(l.procedureCode())).toList();
        sheet.heading("Documented minutes on the " + timed.size() + " lines with timed codes (of " + lines.size()
                + " lines); share of the timed lines");
        sheet.header("Band", "Lines", "Share of timed lines");
        List<TimeBands.Band> all = run.timeBands().all();
        int[] bands = new int[all.size()];
        timed.forEach(line -> bands[run.timeBands().of(line.minutes()).index()]++);
        for (int b = 0; b < bands.length; b++) {
            SheetWriter.RowWriter row = sheet.row().text(all.get(b).label()).integer(bands[b]);
            if (timed.isEmpty()) {
                row.text("no timed lines");
            } else {
                row.percent((double) bands[b] / timed.size());
            }
        }
        sheet.skipRows(1);

        sheet.heading("Top primary diagnoses");
        sheet.header("Diagnosis", "Lines", "Share of lines");
        Map<String, Integer> dx = new HashMap<>();
        lines.forEach(l -> dx.merge(l.primaryDiagnosis() == null ? "none" : l.primaryDiagnosis(), 1, Integer::sum));
        dx.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .forEach(e -> sheet.row().text(e.getKey()).integer(e.getValue()).percent((double) e.getValue() / lines.size()));
        if (lines.isEmpty()) {
            sheet.row().text(NO_LINES);
        }
        sheet.skipRows(1);

        sheet.heading("Peer comparison (peer group: " + peerGroups(dossier.metrics()) + ")");
        sheet.header("Metric", "This provider", "Peer group", "Peers", "Peer median", "Outlier threshold", "Compared",
                "Provider ÷ median", "Median", "Threshold ÷ median");
        int firstMetricRow = sheet.rowIndex();
        List<ProviderMetric> keyMetrics = keyMetrics(dossier.metrics());
        long compared = keyMetrics.stream().filter(m -> m.peerMedian() != null).count();
        for (ProviderMetric metric : keyMetrics) {
            SheetWriter.RowWriter row = sheet.row().fill(metric.aboveThreshold() ? Fill.WARNING : Fill.NONE).text(metric.id());
            number(row, metric, metric.value());
            row.text(metric.peerGroup() == null ? null : org.codecred.alignment.PeerGroups.label(metric.peerGroup()))
                    .integer(metric.peerSize());
            number(row, metric, metric.peerMedian());
            number(row, metric, metric.peerThreshold());
            row.text(comparison(metric));
            boolean charted = metric.value() != null && metric.peerMedian() != null && metric.peerMedian() != 0;
            row.percent(charted ? metric.value() / metric.peerMedian() : null);
            row.percent(charted ? 1.0 : null);
            row.percent(charted && metric.peerThreshold() != null ? metric.peerThreshold() / metric.peerMedian() : null);
        }
        // the chart shows the peer-compared metrics (listed first)
        int lastMetricRow = firstMetricRow + (int) compared - 1;
        if (keyMetrics.isEmpty()) {
            sheet.row().text(NO_METRICS);
        }
        int chartTop = sheet.rowIndex() + 1;
        sheet.atLeast(0, 16);
        sheet.finish();
        // print the tables on one page; the charts repeat them for the screen
        sheet.printRows(0, chartTop - 1);
        for (int c : new int[] {HELPER_RATIO, HELPER_MEDIAN, HELPER_THRESHOLD}) {
            sheet.hideColumn(c);
        }

        // a chart below the tables, as wide as the first columns: the sheet still prints one page wide
        int columns = Math.max(4, Math.min(7, sheet.widths().length));
        // each chart starts a printed page: a chart cut by a page break loses its labels on paper
        if (!codes.isEmpty()) {
            sheet.pageBreakAfter(chartTop - 1);
            sheet.chart(new SheetChart(CODE_MIX, firstCodeRow, lastCodeRow, 0, chartTop, columns, chartTop + 18));
            chartTop += 20;
        }
        if (compared > 0) {
            sheet.pageBreakAfter(chartTop - 1);
            sheet.chart(new SheetChart(PEERS, firstMetricRow, lastMetricRow, 0, chartTop, columns, chartTop + 18));
        }
    }

    private static void number(SheetWriter.RowWriter row, ProviderMetric metric, Double value) {
        if (metric.isShare()) {
            row.percent(value);
        } else if (value != null && value == Math.rint(value) && value < 1e12) {
            row.integer(value); // a count stays a whole number
        } else {
            row.decimal(value);
        }
    }

    /**
     * The groups the metrics were compared in, in words: "social workers" (the credential family),
     * "social workers, trauma" (those of the family whose trauma claim the coding supports).
     */
    static String peerGroups(List<ProviderMetric> metrics) {
        List<String> groups = metrics.stream().filter(m -> m.peerMedian() != null && m.peerGroup() != null)
                .map(m -> org.codecred.alignment.PeerGroups.label(m.peerGroup())).distinct().sorted().toList();
        return groups.isEmpty() ? "none large enough" : String.join("; ", groups);
    }

    /** Whether the metric was compared with peers, and why not when it was not. */
    static String comparison(ProviderMetric metric) {
        if (metric.value() == null) {
            return "not compared: volume too low";
        }
        if (metric.peerMedian() == null) {
            if (metric.peerSize() != null && metric.peerSize() > 0) {
                return "not compared: group of " + metric.peerSize() + " too small";
            }
            return "not compared: counted for the record";
        }
        if (metric.peerThreshold() == null) {
            return "not compared: provider's volume too low";
        }
        return metric.aboveThreshold() ? "ABOVE threshold" : "within threshold";
    }

    /**
     * The metrics for the peer table: peer-compared ones first, then the provider's volumes. Lines
     * per code, per time band and each specialty's evidence share have their own tables (above, and
     * on Specialty Alignment), so they are not repeated here.
     */
    static List<ProviderMetric> keyMetrics(List<ProviderMetric> metrics) {
        return metrics.stream()
                .filter(m -> !m.id().startsWith("code:") && !m.id().startsWith("band:") && !m.id().startsWith("evidence:")
                        && !m.id().startsWith("visits:"))
                .sorted(Comparator.comparing((ProviderMetric m) -> m.peerMedian() == null).thenComparing(ProviderMetric::id))
                .toList();
    }

    private static final SheetChart.Drawer CODE_MIX = CodingProfileSheet::codeMixChart;
    private static final SheetChart.Drawer PEERS = CodingProfileSheet::peerChart;

    private static void title(XSSFChart chart, String title) {
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
    }

    private static void codeMixChart(XSSFChart chart, XSSFSheet sheet, int firstRow, int lastRow) {
        title(chart, "Code mix (lines per code)");
        XDDFCategoryAxis codes = chart.createCategoryAxis(AxisPosition.BOTTOM);
        codes.setTitle("Procedure code");
        XDDFValueAxis count = chart.createValueAxis(AxisPosition.LEFT);
        count.setTitle("Lines");
        count.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 1, 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, codes, count);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle("Lines", null);
        color(series, PROVIDER_COLOR);
        chart.plot(data);
        valueLabels(chart, "0");
    }

    /**
     * Metrics have different units (shares, counts per day), so the chart shows each as a percentage
     * of its peer median: the median is the 100 % bar, the outlier threshold the bar beside it, and
     * the provider's bar is how far off it is; each bar carries its value.
     */
    private static void peerChart(XSSFChart chart, XSSFSheet sheet, int firstRow, int lastRow) {
        title(chart, "Provider, peer median and outlier threshold (median = 100 %)");
        chart.setPlotOnlyVisibleCells(false); // the ratios sit in hidden helper columns
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis metrics = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis value = chart.createValueAxis(AxisPosition.LEFT);
        value.setCrosses(AxisCrosses.AUTO_ZERO);
        value.setNumberFormat("0%");
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, metrics, value);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        series(data, sheet, categories, firstRow, lastRow, HELPER_RATIO, "This provider", PROVIDER_COLOR);
        series(data, sheet, categories, firstRow, lastRow, HELPER_MEDIAN, "Peer median", PEER_COLOR);
        series(data, sheet, categories, firstRow, lastRow, HELPER_THRESHOLD, "Outlier threshold", THRESHOLD_COLOR);
        chart.plot(data);
        valueLabels(chart, "0%");
    }

    private static void series(XDDFBarChartData data, XSSFSheet sheet, XDDFDataSource<String> categories, int firstRow,
                               int lastRow, int column, String title, byte[] rgb) {
        XDDFChartData.Series series = data.addSeries(categories, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, column, column)));
        series.setTitle(title, null);
        color(series, rgb);
    }

    /** Each bar shows its value (POI has no XDDF call for data labels: set them on the chart XML). */
    private static void valueLabels(XSSFChart chart, String format) {
        for (var barChart : chart.getCTChart().getPlotArea().getBarChartList()) {
            for (CTBarSer ser : barChart.getSerList()) {
                CTDLbls labels = ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls();
                labels.addNewNumFmt().setFormatCode(format);
                labels.getNumFmt().setSourceLinked(false);
                labels.addNewShowLegendKey().setVal(false);
                labels.addNewShowVal().setVal(true);
                labels.addNewShowCatName().setVal(false);
                labels.addNewShowSerName().setVal(false);
                labels.addNewShowPercent().setVal(false);
                labels.addNewShowBubbleSize().setVal(false);
            }
        }
    }

    private static final byte[] PROVIDER_COLOR = {(byte) 0x3C, (byte) 0x78, (byte) 0xD8};
    private static final byte[] PEER_COLOR = {(byte) 0xA6, (byte) 0xA6, (byte) 0xA6};
    private static final byte[] THRESHOLD_COLOR = {(byte) 0x40, (byte) 0x40, (byte) 0x40};

    /** Explicit bar colors: without them some programs (LibreOffice) draw the bars invisible. */
    private static void color(XDDFChartData.Series series, byte[] rgb) {
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
    }
}
