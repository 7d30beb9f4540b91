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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.MemberIds;
import org.codecred.domain.Provider;
import org.codecred.domain.Severity;
import org.codecred.alignment.AlignmentOutcome;
import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.ProviderMetric;
import org.codecred.credentials.CheckResult;
import org.codecred.credentials.CredentialCheck;
import org.codecred.verdict.ProviderVerdict;
import org.codecred.domain.TimeBand;
import org.codecred.dossier.Styles.Fill;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders one provider's {@link Dossier} as the credentialing workbook auditors open: six sheets,
 * Summary, Credentials, Coding Profile, Specialty Alignment, Findings, Claim Lines. Plain POI, no
 * Spring; every value from input data goes into a string cell, never a formula.
 *
 * <p>The four small sheets (and the charts, which need XSSF) are built in memory; the two sheets
 * that grow with the provider's volume are streamed (SXSSF) after them when {@link Engine#HYBRID}.
 */
public final class DossierWorkbook {

    public static final List<String> SHEETS = List.of(
            "Summary", "Credentials", "Coding Profile", "Specialty Alignment", "Findings", "Claim Lines");

    static final String NOT_DECIDED = "not decided";
    static final String NO_CHECKS = "no checks recorded";
    static final String NO_FINDINGS = "no findings recorded";
    static final String NO_LINES = "no claim lines this month";
    static final String NO_METRICS = "no peer comparison recorded";
    static final String NOT_ASSESSED = "not assessed";

    /** How the workbook is built: all in memory, or the large sheets streamed. */
    public enum Engine { XSSF, HYBRID }

    /** Rows SXSSF keeps in memory per streamed sheet. */
    private static final int STREAM_WINDOW = 100;

    private final Engine engine;

    public DossierWorkbook() {
        this(Engine.HYBRID);
    }

    public DossierWorkbook(Engine engine) {
        this.engine = engine;
    }

    /** Writes the workbook to {@code file} (the caller moves it into place). */
    public void write(Dossier dossier, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(dossier, out);
        }
    }

    public void write(Dossier dossier, OutputStream out) throws IOException {
        try (XSSFWorkbook xssf = new XSSFWorkbook()) {
            Styles styles = new Styles(xssf);
            String who = identity(dossier);
            summary(new SheetWriter(xssf.createSheet(SHEETS.get(0)), styles, who), dossier);
            credentials(new SheetWriter(xssf.createSheet(SHEETS.get(1)), styles, who), dossier);
            codingProfile(new SheetWriter(xssf.createSheet(SHEETS.get(2)), styles, who), dossier);
            alignment(new SheetWriter(xssf.createSheet(SHEETS.get(3)), styles, who), dossier);
            if (engine == Engine.XSSF) {
                findings(new SheetWriter(xssf.createSheet(SHEETS.get(4)), styles, who), dossier);
                claimLines(new SheetWriter(xssf.createSheet(SHEETS.get(5)), styles, who), dossier);
                xssf.write(out);
                return;
            }
            SXSSFWorkbook streamed = new SXSSFWorkbook(xssf, STREAM_WINDOW);
            try {
                streamed.setCompressTempFiles(false);
                findings(new SheetWriter(streamed.createSheet(SHEETS.get(4)), styles, who), dossier);
                claimLines(new SheetWriter(streamed.createSheet(SHEETS.get(5)), styles, who), dossier);
                streamed.write(out);
            } finally {
                streamed.dispose();
            }
        }
    }

    static String identity(Dossier dossier) {
        Provider p = dossier.provider();
        return p.displayName() + " · NPI " + p.npi() + " · " + dossier.month();
    }

    // Summary: identity, verdict, key figures

    private static void summary(SheetWriter sheet, Dossier dossier) {
        Provider p = dossier.provider();
        ProviderVerdict decision = dossier.decision();
        sheet.title("Credentialing dossier: " + identity(dossier));
        sheet.skipRows(1);
        sheet.row().label("Provider").text(p.displayName());
        sheet.row().label("NPI").text(p.npi());
        sheet.row().label("Credential").text(p.credential());
        sheet.row().label("License number").text(p.licenseNumber());
        sheet.row().label("License state").text(p.licenseState());
        sheet.row().label("License expires").date(p.licenseExpires());
        sheet.row().label("Taxonomy").text(p.taxonomyCode());
        sheet.row().label("Claimed specialties").text(p.specialties().isEmpty() ? "none" : String.join("; ", p.specialties()));
        sheet.row().label("Month").text(dossier.month());
        sheet.skipRows(1);
        if (decision == null) {
            sheet.row().label("Verdict").text(NOT_DECIDED, Fill.MUTED);
            sheet.row().label("Reasons").text(NOT_DECIDED);
        } else {
            sheet.row().label("Verdict").text(decision.verdict().name(), verdictFill(decision.verdict()));
            sheet.row().label("Reasons").wrap(decision.reasons().isEmpty() ? "none" : decision.reasons());
        }
        sheet.row().label("Claim lines").integer(dossier.lines().size());
        if (decision == null) {
            sheet.row().label("Lines with coding errors").text(NOT_DECIDED);
            sheet.row().label("Coding accuracy").text(NOT_DECIDED);
        } else {
            sheet.row().label("Lines with coding errors").integer(decision.codingErrors());
            SheetWriter.RowWriter accuracy = sheet.row().label("Coding accuracy");
            if (decision.codingAccuracy() == null) {
                accuracy.text("not computed (no lines)");
            } else {
                accuracy.percent(decision.codingAccuracy());
            }
        }
        sheet.row().label("Findings: errors").integer(dossier.count(Severity.ERROR));
        sheet.row().label("Findings: warnings").integer(dossier.count(Severity.WARNING));
        sheet.row().label("Findings: info").integer(dossier.count(Severity.INFO));
        SheetWriter.RowWriter checks = sheet.row().label("Credential checks failed");
        if (dossier.checks().isEmpty()) {
            checks.text(NO_CHECKS);
        } else {
            checks.integer(dossier.checks().stream().filter(c -> c.result() == CheckResult.FAIL).count());
        }
        SheetWriter.RowWriter unsupported = sheet.row().label("Unsupported specialties");
        if (dossier.alignments().isEmpty()) {
            unsupported.text(NOT_ASSESSED);
        } else {
            String list = unsupportedSpecialties(dossier.alignments());
            unsupported.text(list.isEmpty() ? "none" : list);
        }
        sheet.skipRows(1);
        sheet.row().label("Generated").dateTime(dossier.generated());
        sheet.finish();
    }

    static String unsupportedSpecialties(List<AlignmentRow> alignments) {
        return alignments.stream().filter(a -> a.claimed() && a.outcome() == AlignmentOutcome.UNSUPPORTED)
                .map(AlignmentRow::specialty).collect(Collectors.joining("; "));
    }

    static Fill verdictFill(org.codecred.domain.Verdict verdict) {
        return switch (verdict) {
            case HOLD -> Fill.ERROR;
            case REVIEW -> Fill.WARNING;
            case CLEAR -> Fill.GOOD;
        };
    }

    // Credentials: each check with its result, source and the source's date

    private static void credentials(SheetWriter sheet, Dossier dossier) {
        sheet.title("Credential checks: " + identity(dossier));
        sheet.tableHeader("#", "Check", "Result", "Detail", "Source", "Source date");
        if (dossier.checks().isEmpty()) {
            sheet.row().skip().text(NO_CHECKS);
        }
        int seq = 0;
        for (CredentialCheck check : dossier.checks()) {
            sheet.row().integer(++seq).text(check.check()).text(check.result().label(), resultFill(check.result()))
                    .wrap(check.detail()).text(check.source()).date(check.sourceDate());
        }
        sheet.finish();
    }

    private static Fill resultFill(CheckResult result) {
        return switch (result) {
            case PASS -> Fill.GOOD;
            case FAIL -> Fill.ERROR;
            case WARN -> Fill.WARNING;
            case NOT_CHECKED -> Fill.MUTED;
        };
    }

    // Coding Profile: code mix, time bands, peer comparison, two charts


    private static void codingProfile(SheetWriter sheet, Dossier dossier) {
        List<ClaimLine> lines = dossier.lines();
        sheet.title("Coding profile: " + identity(dossier));
        sheet.sheet().createFreezePane(0, 1);
        sheet.sheet().setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        sheet.skipRows(1);

        sheet.heading("Codes billed");
        sheet.header("Code", "Lines", "Units", "Share of lines");
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
            sheet.row().text(code.getKey()).integer(code.getValue()[0]).integer(code.getValue()[1])
                    .percent((double) code.getValue()[0] / lines.size());
        }
        int lastCodeRow = sheet.rowIndex() - 1;
        if (lines.isEmpty()) {
            sheet.row().text(NO_LINES);
        } else {
            sheet.row().label("All codes").integer(lines.size())
                    .integer(lines.stream().mapToLong(ClaimLine::units).sum()).percent(1.0);
        }
        sheet.skipRows(1);

        sheet.heading("Documented minutes (time bands of the psychotherapy codes)");
        sheet.header("Band", "Lines", "Share of lines");
        int[] bands = new int[TimeBand.values().length];
        lines.forEach(line -> bands[TimeBand.of(line.minutes()).ordinal()]++);
        for (int b = 0; b < bands.length; b++) {
            sheet.row().text(TimeBand.values()[b].label()).integer(bands[b])
                    .percent(lines.isEmpty() ? null : (double) bands[b] / lines.size());
        }
        sheet.skipRows(1);

        sheet.heading("Peer comparison (peer group: same credential family)");
        sheet.header("Metric", "This provider", "Peer group", "Peers", "Peer median", "Outlier threshold", "Above threshold",
                "Provider ÷ median", "Median");
        int firstMetricRow = sheet.rowIndex();
        List<ProviderMetric> keyMetrics = keyMetrics(dossier.metrics());
        long compared = keyMetrics.stream().filter(m -> m.peerMedian() != null).count();
        for (ProviderMetric metric : keyMetrics) {
            SheetWriter.RowWriter row = sheet.row().fill(metric.aboveThreshold() ? Fill.WARNING : Fill.NONE).text(metric.id());
            if (metric.isShare()) {
                row.percent(metric.value());
            } else {
                row.decimal(metric.value());
            }
            row.text(metric.peerGroup()).integer(metric.peerSize());
            if (metric.isShare()) {
                row.percent(metric.peerMedian()).percent(metric.peerThreshold());
            } else {
                row.decimal(metric.peerMedian()).decimal(metric.peerThreshold());
            }
            row.text(metric.value() == null || metric.peerThreshold() == null ? "" : metric.aboveThreshold() ? "yes" : "no");
            row.percent(metric.value() == null || metric.peerMedian() == null || metric.peerMedian() == 0
                    ? null : metric.value() / metric.peerMedian());
            row.percent(metric.peerMedian() == null || metric.peerMedian() == 0 ? null : 1.0);
        }
        // the chart shows the peer-compared metrics (listed first); without any, all key metrics
        int lastMetricRow = compared > 0 ? firstMetricRow + (int) compared - 1 : sheet.rowIndex() - 1;
        if (keyMetrics.isEmpty()) {
            sheet.row().text(NO_METRICS);
        }
        sheet.atLeast(0, 14);
        sheet.finish();

        XSSFSheet xssf = (XSSFSheet) sheet.sheet();
        if (!codes.isEmpty()) {
            codeMixChart(xssf, firstCodeRow, lastCodeRow);
        }
        if (!keyMetrics.isEmpty()) {
            peerChart(xssf, firstMetricRow, lastMetricRow, firstCodeRow + 19);
        }
    }

    /**
     * The metrics for the peer table: peer-compared ones first, then the provider's volumes. Lines
     * per code, per time band and each specialty's evidence share have their own tables (above, and
     * on Specialty Alignment), so they are not repeated here.
     */
    static List<ProviderMetric> keyMetrics(List<ProviderMetric> metrics) {
        return metrics.stream()
                .filter(m -> !m.id().startsWith("code:") && !m.id().startsWith("band:") && !m.id().startsWith("evidence:"))
                .sorted(java.util.Comparator.comparing((ProviderMetric m) -> m.peerMedian() == null).thenComparing(ProviderMetric::id))
                .toList();
    }

    private static void codeMixChart(XSSFSheet sheet, int firstRow, int lastRow) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 10, 2, 18, 19);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Code mix (lines per code)");
        chart.setTitleOverlay(false);
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
    }

    /**
     * Metrics have different units (shares, counts per day), so the chart shows each as a percentage
     * of its peer median: the median is the 100 % line, the provider's bar is how far off it is.
     */
    private static void peerChart(XSSFSheet sheet, int firstRow, int lastRow, int top) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 10, top, 18, top + 17);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("This provider against the peer median (median = 100 %)");
        chart.setTitleOverlay(false);
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
        XDDFChartData.Series provider = data.addSeries(categories, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 7, 7)));
        provider.setTitle("This provider", null);
        color(provider, PROVIDER_COLOR);
        XDDFChartData.Series peers = data.addSeries(categories, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 8, 8)));
        peers.setTitle("Peer median", null);
        color(peers, PEER_COLOR);
        chart.plot(data);
    }

    private static final byte[] PROVIDER_COLOR = {(byte) 0x3C, (byte) 0x78, (byte) 0xD8};
    private static final byte[] PEER_COLOR = {(byte) 0xA6, (byte) 0xA6, (byte) 0xA6};

    /** Explicit bar colors: without them some programs (LibreOffice) draw the bars invisible. */
    private static void color(XDDFChartData.Series series, byte[] rgb) {
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
    }

    // Specialty Alignment: each claimed (or strongly evidenced) specialty with evidence, thresholds, outcome

    private static void alignment(SheetWriter sheet, Dossier dossier) {
        sheet.title("Specialty alignment: " + identity(dossier));
        sheet.tableHeader("Specialty", "Claimed", "Evidence", "Evidence share", "Supported at", "Weak below", "Outcome");
        if (dossier.alignments().isEmpty()) {
            if (dossier.provider().specialties().isEmpty()) {
                sheet.row().text("no specialties claimed or assessed");
            }
            for (String specialty : dossier.provider().specialties()) {
                sheet.row().text(specialty).text("yes").skip().skip().skip().skip().text(NOT_ASSESSED, Fill.MUTED);
            }
        }
        for (AlignmentRow a : dossier.alignments()) {
            sheet.row().text(a.specialty()).text(a.claimed() ? "yes" : "no").wrap(a.evidence())
                    .percent(a.evidenceShare()).percent(a.supportedAt()).percent(a.weakAt())
                    .text(a.outcome().id(), outcomeFill(a.outcome()));
        }
        sheet.finish();
    }

    private static Fill outcomeFill(AlignmentOutcome outcome) {
        return switch (outcome) {
            case SUPPORTED -> Fill.GOOD;
            case UNSUPPORTED -> Fill.WARNING;
            case UNDECLARED -> Fill.INFO;
            case INSUFFICIENT_DATA -> Fill.MUTED;
            case WEAK -> Fill.NONE;
        };
    }

    // Findings: every finding, colored by severity

    static Fill severityFill(Severity severity) {
        return switch (severity) {
            case ERROR -> Fill.ERROR;
            case WARNING -> Fill.WARNING;
            case INFO -> Fill.INFO;
        };
    }

    private static void findings(SheetWriter sheet, Dossier dossier) {
        sheet.title("Findings: " + identity(dossier));
        sheet.tableHeader("Severity", "Rule", "Claim id", "Line", "Service date", "Code", "Subject", "Message",
                "Source file", "Source line");
        if (dossier.findings().isEmpty()) {
            sheet.row().text(NO_FINDINGS);
        }
        for (Finding f : dossier.findings()) {
            sheet.row().fill(severityFill(f.severity())).text(f.severity().name()).text(f.rule().id()).text(f.claimId())
                    .integer(f.lineNo()).date(f.serviceDate()).text(f.procedureCode()).text(f.subject())
                    .wrap(f.message()).text(f.sourceFile()).integer(f.sourceLine());
        }
        sheet.finish();
    }

    // Claim Lines: every staged line, member id masked, with its findings

    private static void claimLines(SheetWriter sheet, Dossier dossier) {
        sheet.title("Claim lines: " + identity(dossier));
        sheet.tableHeader("Claim id", "Line", "Service date", "Member", "Code", "Modifiers", "Units", "Minutes",
                "Diagnoses", "Place of service", "Charge", "Billing NPI", "Source file", "Source line", "Findings");
        if (dossier.lines().isEmpty()) {
            sheet.row().text(NO_LINES);
        }
        Map<String, List<Finding>> byLine = findingsByLine(dossier.findings());
        for (ClaimLine line : dossier.lines()) {
            List<Finding> found = byLine.getOrDefault(lineKey(line.sourceFile(), line.lineNumber()),
                    byLine.getOrDefault(claimKey(line.claimId(), line.lineNo()), List.of()));
            Severity worst = found.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
            String rules = found.stream().map(f -> f.rule().id()).distinct().collect(Collectors.joining("; "));
            sheet.row().text(line.claimId()).integer(line.lineNo()).date(line.serviceDate())
                    .text(MemberIds.mask(line.memberId())).text(line.procedureCode())
                    .text(String.join(";", line.modifiers())).integer(line.units()).integer(line.minutes())
                    .text(String.join(";", line.diagnosisCodes())).text(line.placeOfService()).money(line.charge())
                    .text(line.billingNpi()).text(line.sourceFile()).integer(line.lineNumber())
                    .text(rules.isEmpty() ? null : rules, worst == null ? Fill.NONE : severityFill(worst));
        }
        sheet.finish();
    }

    private static Map<String, List<Finding>> findingsByLine(List<Finding> findings) {
        Map<String, List<Finding>> byLine = new HashMap<>();
        for (Finding f : findings) {
            if (f.sourceFile() != null && f.sourceLine() != null) {
                byLine.computeIfAbsent(lineKey(f.sourceFile(), f.sourceLine()), k -> new ArrayList<>()).add(f);
            } else if (f.claimId() != null && f.lineNo() != null) {
                byLine.computeIfAbsent(claimKey(f.claimId(), f.lineNo()), k -> new ArrayList<>()).add(f);
            }
        }
        return byLine;
    }

    private static String lineKey(String file, long line) {
        return "L\u0000" + file + '\u0000' + line;
    }

    private static String claimKey(String claimId, int lineNo) {
        return "C\u0000" + claimId + '\u0000' + lineNo;
    }
}
