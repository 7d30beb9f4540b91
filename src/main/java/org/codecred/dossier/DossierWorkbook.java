package org.codecred.dossier;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
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
import org.codecred.domain.Verdict;
import org.codecred.dossier.DecisionWords.Cutoff;
import org.codecred.alignment.AlignmentOutcome;
import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.ProviderMetric;
import org.codecred.credentials.CheckResult;
import org.codecred.credentials.CredentialCheck;
import org.codecred.verdict.ProviderVerdict;
import org.codecred.domain.TimeBand;
import org.codecred.history.ProviderHistory;
import org.codecred.dossier.Styles.Fill;
import org.codecred.dossier.Styles.Kind;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders one provider's {@link Dossier} as the packet a credentialing committee reads and signs:
 * Summary (the decision, its facts in words, the specialties, the reviewer block), Credentials,
 * Coding Profile, Specialty Alignment, Findings (each linked to its claim line), Claim Lines and
 * Sources. Plain POI, no Spring; every value from input data goes into a string cell, never a formula.
 *
 * <p>The small sheets (and the charts, which need XSSF) are built in memory; the two sheets that
 * grow with the provider's volume are streamed (SXSSF) after them when {@link Engine#HYBRID}.
 */
public final class DossierWorkbook {

    public static final String SUMMARY = "Summary";
    public static final String FINDINGS = "Findings";
    public static final String CLAIM_LINES = "Claim Lines";
    public static final String SOURCES = "Sources";
    /** The sheets in the contract's order (the History sheet of issue 15 goes before Sources). */
    public static final List<String> SHEETS = List.of(
            SUMMARY, "Credentials", "Coding Profile", "Specialty Alignment", FINDINGS, CLAIM_LINES, HistorySheet.NAME, SOURCES);

    static final String NOT_DECIDED = "not decided";
    static final String NO_CHECKS = "no checks recorded";
    static final String NO_FINDINGS = "no findings recorded";
    static final String NO_LINES = "no claim lines this month";
    static final String NO_METRICS = "no peer comparison recorded";
    static final String NOT_ASSESSED = "not assessed";

    /** The committee's decisions, offered as a drop-down in the reviewer block. */
    public static final List<String> DECISIONS = List.of("Approve", "Deny", "Defer", "Conditional");
    /** What a reviewer may record against a finding, offered as a drop-down. */
    public static final List<String> DISPOSITIONS = List.of("Confirmed", "Disputed", "Corrected", "Records requested",
            "Not applicable");

    /** Claim Lines: title, flag summary, header; the first line is on this row (0-based). */
    static final int FIRST_CLAIM_LINE_ROW = 3;

    /**
     * How the workbook is built: all in memory (XSSF), the sheets that grow with volume streamed
     * (STREAMED), or by the dossier's size (HYBRID, the default: in memory up to
     * {@value #IN_MEMORY_LINES} claim lines and {@value #IN_MEMORY_FINDINGS} findings, streamed above).
     */
    public enum Engine { XSSF, STREAMED, HYBRID }

    /** Up to this many findings the Findings sheet is built in memory rather than streamed. */
    private static final int IN_MEMORY_FINDINGS = 200;
    /**
     * Up to this many claim lines (and few findings) the whole workbook is built in memory and saved
     * once: streaming saves the in-memory part to a temporary package first and copies it into the
     * file after, which costs more than it saves on a small dossier. Measured (DossierBenchmark, writer
     * CPU per dossier, in memory against streamed): 100 lines 25-28 against 31-32 ms, 200 lines 45
     * against 46 ms, 400 lines 84 against 53 ms, 800 lines 142 against 69 ms.
     */
    private static final int IN_MEMORY_LINES = 150;
    /** Rows SXSSF keeps in memory per streamed sheet. */
    private static final int STREAM_WINDOW = 100;
    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Engine engine;

    public DossierWorkbook() {
        this(Engine.HYBRID);
    }

    public DossierWorkbook(Engine engine) {
        this.engine = engine;
    }

    /** Writes the workbook to {@code file} (the caller moves it into place). */
    public void write(Dossier dossier, Path file) throws IOException {
        write(dossier, RunFacts.unknown(dossier.generated()), file);
    }

    public void write(Dossier dossier, RunFacts run, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(dossier, run, out);
        }
    }

    public void write(Dossier dossier, OutputStream out) throws IOException {
        write(dossier, RunFacts.unknown(dossier.generated()), out);
    }

    public void write(Dossier dossier, RunFacts run, OutputStream out) throws IOException {
        XSSFWorkbook xssf = new XSSFWorkbook();
        try {
            describe(xssf, "Credentialing dossier " + identity(dossier), "Credentialing dossier, " + dossier.month(),
                    dossier.generated());
            Styles styles = new Styles(xssf);
            String who = identity(dossier);
            String generated = utc(dossier.generated());
            Sheets sheets = new Sheets(styles, who, generated);
            summary(sheets.of(xssf.createSheet(SHEETS.get(0))), dossier);
            credentials(sheets.of(xssf.createSheet(SHEETS.get(1))), dossier);
            codingProfile(sheets.of(xssf.createSheet(SHEETS.get(2))), dossier, run);
            alignment(sheets.of(xssf.createSheet(SHEETS.get(3))), dossier);
            // History has a chart, so it is built in memory too; every sheet is put in its place below
            HistorySheet.write(sheets.of(xssf.createSheet(HistorySheet.NAME)), dossier);
            // small sheets are built in memory (a streamed sheet costs a temporary file); Sources is
            // moved behind the streamed ones below
            boolean fewFindings = dossier.findings().size() <= IN_MEMORY_FINDINGS;
            boolean inMemory = engine == Engine.XSSF
                    || engine == Engine.HYBRID && fewFindings && dossier.lines().size() <= IN_MEMORY_LINES;
            if (inMemory || fewFindings) {
                findings(sheets.of(xssf.createSheet(FINDINGS)), dossier);
            }
            sources(sheets.of(xssf.createSheet(SOURCES)), run);
            if (inMemory) {
                claimLines(sheets.of(xssf.createSheet(CLAIM_LINES)), dossier);
                putInOrder(xssf);
                xssf.write(out);
                return;
            }
            SXSSFWorkbook streamed = fastZip(xssf, STREAM_WINDOW);
            try {
                streamed.setCompressTempFiles(false);
                if (!fewFindings) {
                    findings(sheets.of(streamed.createSheet(FINDINGS)), dossier);
                }
                claimLines(sheets.of(streamed.createSheet(CLAIM_LINES)), dossier);
                putInOrder(streamed);
                streamed.write(out);
            } finally {
                streamed.dispose();
            }
        } finally {
            // not close(): closing a workbook made in memory saves the whole package once more, into
            // memory, only to drop it (about 5 % of a dossier's samples in the profile)
            xssf.getPackage().revert();
        }
    }

    /**
     * A streaming workbook whose file is deflated at the fastest level: the sheets' XML still
     * shrinks about tenfold, for a fraction of the default level's CPU (the dossier's largest cost).
     */
    static SXSSFWorkbook fastZip(XSSFWorkbook xssf, int window) {
        return new SXSSFWorkbook(xssf, window) {
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                    OutputStream out) {
                var zip = super.createArchiveOutputStream(out);
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                return zip;
            }
        };
    }

    /** Makes a SheetWriter with the workbook's print frame (title, generation time). */
    record Sheets(Styles styles, String printTitle, String generatedUtc) {
        SheetWriter of(Sheet sheet) {
            return new SheetWriter(sheet, styles, printTitle, generatedUtc);
        }
    }

    /** Title, subject and creation time of the file (the creation time is the run's, so a rewrite is the same). */
    static void describe(XSSFWorkbook workbook, String title, String subject, LocalDateTime generated) {
        var core = workbook.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setSubjectProperty(subject);
        core.setCreator("CodeCred");
        core.setDescription(SheetWriter.CONFIDENTIAL);
        if (generated != null) {
            Date created = Date.from(generated.toInstant(ZoneOffset.UTC));
            core.setCreated(java.util.Optional.of(created));
            core.setModified(java.util.Optional.of(created));
        }
    }

    static String utc(LocalDateTime time) {
        return time == null ? "" : time.format(UTC_MINUTE);
    }

    static String identity(Dossier dossier) {
        Provider p = dossier.provider();
        return p.displayName() + " · NPI " + p.npi() + " · " + dossier.month();
    }

    // Summary: the decision first, then the facts, specialties, figures, identity and the reviewer block

    private static void summary(SheetWriter sheet, Dossier dossier) {
        Provider p = dossier.provider();
        ProviderVerdict decision = dossier.decision();
        sheet.sheet().setDisplayGridlines(false);
        sheet.portrait();
        sheet.budget(540);
        sheet.fillToBudget();
        sheet.cap(0, 24);
        sheet.title("Credentialing dossier: " + identity(dossier));
        Verdict verdict = decision == null ? null : decision.verdict();
        Fill band = verdict == null ? Fill.MUTED : switch (verdict) {
            case HOLD -> Fill.HOLD_BAND;
            case REVIEW -> Fill.REVIEW_BAND;
            case CLEAR -> Fill.CLEAR_BAND;
        };
        sheet.band(band, 7);
        sheet.row().spanning(verdict == null ? NOT_DECIDED : DecisionWords.headline(verdict), Kind.VERDICT,
                verdict == null ? Fill.MUTED : verdictFill(verdict));
        sheet.band(band, 7);
        if (verdict != null) {
            value(sheet, "Recommended action", DecisionWords.action(verdict));
        }

        sheet.heading("What decided it");
        List<String[]> facts = decidingFacts(dossier);
        if (facts.isEmpty()) {
            value(sheet, "Reasons", decision == null ? NOT_DECIDED : "none");
        }
        for (String[] fact : facts) {
            value(sheet, fact[0], fact[1]);
        }
        for (Cutoff cutoff : DecisionWords.cutoffs(p, dossier.findings())) {
            value(sheet, "Billed while not allowed",
                    DecisionWords.billedAfter(cutoff, dossier.lines()) + " (flagged on Claim Lines)");
        }

        sheet.heading("Claimed specialties");
        sheet.header("Specialty", "Outcome", "Visits with evidence", "Evidence");
        List<AlignmentRow> claimed = dossier.alignments().stream().filter(AlignmentRow::claimed).toList();
        if (claimed.isEmpty()) {
            if (p.specialties().isEmpty()) {
                sheet.row().text("none claimed");
            }
            for (String specialty : p.specialties()) {
                sheet.row().text(specialty).text(NOT_ASSESSED, Fill.MUTED);
            }
        }
        for (AlignmentRow a : claimed) {
            long[] visits = DecisionWords.visits(a.evidence());
            sheet.row().text(a.specialty()).text(a.outcome().id(), outcomeFill(a.outcome()))
                    .text(visits == null ? "" : visits[0] + " of " + visits[1] + " visits").text(a.evidence());
        }

        sheet.heading("Key figures");
        value(sheet, "Claim lines", decision == null ? dossier.lines().size() + " (no verdict decided)"
                : dossier.lines().size() + " lines; " + decision.codingErrors() + " with coding errors; coding accuracy "
                + (decision.codingAccuracy() == null ? "not computed (no lines)"
                : String.format(java.util.Locale.ROOT, "%.1f %%", decision.codingAccuracy() * 100)));
        value(sheet, "Findings", dossier.count(Severity.ERROR) + " errors, " + dossier.count(Severity.WARNING)
                + " warnings, " + dossier.count(Severity.INFO) + " for the record");
        value(sheet, "Credential checks", dossier.checks().isEmpty() ? NO_CHECKS
                : dossier.checks().stream().filter(c -> c.result() == CheckResult.FAIL).count() + " failed of "
                + dossier.checks().size());
        value(sheet, dossier.history().previousMonth() == null ? "Previous verdict"
                : "Previous verdict (" + dossier.history().previousMonth() + ")", dossier.history().previousVerdictText());

        sheet.heading("Provider");
        value(sheet, "Name, NPI", p.displayName() + ", NPI " + p.npi());
        value(sheet, "Credential, taxonomy", p.credential() + ", taxonomy " + p.taxonomyCode());
        value(sheet, "License", p.licenseNumber() + " (" + p.licenseState() + "), expires "
                + (p.licenseExpires() == null ? "— not on the roster" : p.licenseExpires())
                + " (as the roster states; not verified with the state board)");
        value(sheet, "Month, generated", dossier.month() + ", generated " + utc(dossier.generated()) + " UTC");

        sheet.heading("Committee review");
        sheet.row().label("Reviewed by").input();
        sheet.row().label("Date").input();
        int decisionRow = sheet.row().label("Decision").input().index();
        sheet.row().label("Signature").input().height(30);
        sheet.row().label("Comments").input().height(64);
        sheet.row().skip().spanning("Decision: choose " + String.join(", ", DECISIONS) + " from the list.", Kind.TEXT,
                Fill.NONE);
        sheet.finish();
        dropDown(sheet.sheet(), DECISIONS, decisionRow, decisionRow, 1, sheet.widths().length - 1);
    }

    static String unsupportedSpecialties(List<AlignmentRow> alignments) {
        return alignments.stream().filter(a -> a.claimed() && a.outcome() == AlignmentOutcome.UNSUPPORTED)
                .map(AlignmentRow::specialty).collect(Collectors.joining("; "));
    }

    /** Sheets are created in-memory ones first, streamed ones after: put them in the contract's order. */
    private static void putInOrder(Workbook workbook) {
        for (int i = 0; i < SHEETS.size(); i++) {
            workbook.setSheetOrder(SHEETS.get(i), i);
        }
    }

    /** A label and its text across the rest of the sheet. */
    private static void value(SheetWriter sheet, String label, String text) {
        sheet.row().label(label).spanning(text, Kind.TEXT, Fill.NONE);
    }

    /** Each fact that decided the verdict: (reason in words, the finding's message); for CLEAR, the reason. */
    static List<String[]> decidingFacts(Dossier dossier) {
        List<String[]> facts = new ArrayList<>();
        ProviderVerdict decision = dossier.decision();
        if (decision == null) {
            return facts;
        }
        Set<String> ids = new LinkedHashSet<>(DecisionWords.ruleIds(decision.reasons()));
        List<String> words = DecisionWords.reasons(decision.reasons());
        for (String reason : words) {
            // the reasons that are no rule (the coding-error share, CLEAR's summary) stand as written
            if (ids.stream().noneMatch(id -> reason.startsWith(DecisionWords.reason(id)))) {
                facts.add(new String[] {decision.verdict() == Verdict.CLEAR ? "Reasons" : "Coding errors", reason});
            }
        }
        for (String id : ids) {
            List<Finding> hits = dossier.findings().stream().filter(f -> f.rule().id().equals(id)).toList();
            List<Finding> providerLevel = hits.stream().filter(f -> f.claimId() == null).toList();
            for (Finding f : providerLevel) {
                facts.add(new String[] {DecisionWords.reason(id), f.message()});
            }
            if (hits.isEmpty()) {
                String detail = DecisionWords.detailOf(decision.reasons(), id);
                facts.add(new String[] {DecisionWords.reason(id), detail.isEmpty() ? "see Findings" : detail});
            } else if (providerLevel.isEmpty()) {
                facts.add(new String[] {DecisionWords.reason(id), hits.size() + (hits.size() == 1 ? " line" : " lines")
                        + " (see Findings), e.g. " + hits.get(0).message()});
            }
        }
        return facts;
    }

    static Fill verdictFill(Verdict verdict) {
        return switch (verdict) {
            case HOLD -> Fill.ERROR;
            case REVIEW -> Fill.WARNING;
            case CLEAR -> Fill.GOOD;
        };
    }

    static void dropDown(Sheet sheet, List<String> choices, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                new CellRangeAddressList(firstRow, lastRow, firstColumn, Math.max(firstColumn, lastColumn)));
        validation.setSuppressDropDownArrow(true); // POI's inverted flag: true shows the arrow in XSSF
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
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
            sheet.row().lineNo(++seq).text(check.check()).text(check.result().label(), resultFill(check.result()))
                    .wrap(check.detail()).text(source(check)).date(check.sourceDate());
        }
        sheet.finish();
    }

    /** The check's source; the license check says where its date comes from. */
    private static String source(CredentialCheck check) {
        if (check.check() != null && check.check().toLowerCase(java.util.Locale.ROOT).contains("license")
                && check.source() != null && check.source().toLowerCase(java.util.Locale.ROOT).contains("roster")) {
            return check.source() + " (as the roster states; not verified with the state board)";
        }
        return check.source();
    }

    private static Fill resultFill(CheckResult result) {
        return switch (result) {
            case PASS -> Fill.GOOD;
            case FAIL -> Fill.ERROR;
            case WARN -> Fill.WARNING;
            case NOT_CHECKED -> Fill.MUTED;
        };
    }

    // Coding Profile: code mix, time bands over timed codes, top diagnoses, peer comparison, two charts


    /** Metric columns: the two after the table's seven are the chart's helpers (hidden). */
    private static final int HELPER_RATIO = 7;
    private static final int HELPER_MEDIAN = 8;
    private static final int HELPER_THRESHOLD = 9;

    private static void codingProfile(SheetWriter sheet, Dossier dossier, RunFacts run) {
        List<ClaimLine> lines = dossier.lines();
        sheet.title("Coding profile: " + identity(dossier));
        sheet.sheet().createFreezePane(0, 1);
        sheet.sheet().setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
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
        int[] bands = new int[TimeBand.values().length];
        timed.forEach(line -> bands[TimeBand.of(line.minutes()).ordinal()]++);
        for (int b = 0; b < bands.length; b++) {
            SheetWriter.RowWriter row = sheet.row().text(TimeBand.values()[b].label()).integer(bands[b]);
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

        sheet.heading("Peer comparison (peer group: same credential family)");
        sheet.header("Metric", "This provider", "Peer group", "Peers", "Peer median", "Outlier threshold", "Compared",
                "Provider ÷ median", "Median", "Threshold ÷ median");
        int firstMetricRow = sheet.rowIndex();
        List<ProviderMetric> keyMetrics = keyMetrics(dossier.metrics());
        long compared = keyMetrics.stream().filter(m -> m.peerMedian() != null).count();
        for (ProviderMetric metric : keyMetrics) {
            SheetWriter.RowWriter row = sheet.row().fill(metric.aboveThreshold() ? Fill.WARNING : Fill.NONE).text(metric.id());
            number(row, metric, metric.value());
            row.text(metric.peerGroup()).integer(metric.peerSize());
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
        for (int c : new int[] {HELPER_RATIO, HELPER_MEDIAN, HELPER_THRESHOLD}) {
            sheet.sheet().setColumnHidden(c, true);
        }

        XSSFSheet xssf = (XSSFSheet) sheet.sheet();
        int columns = Math.min(7, sheet.widths().length);
        // each chart starts a printed page: a chart cut by a page break loses its labels on paper
        if (!codes.isEmpty()) {
            xssf.setRowBreak(chartTop - 1);
            codeMixChart(xssf, firstCodeRow, lastCodeRow, chartTop, columns);
            chartTop += 20;
        }
        if (compared > 0) {
            xssf.setRowBreak(chartTop - 1);
            peerChart(xssf, firstMetricRow, lastMetricRow, chartTop, columns);
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
            return "compared (no threshold)";
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
                .filter(m -> !m.id().startsWith("code:") && !m.id().startsWith("band:") && !m.id().startsWith("evidence:"))
                .sorted(Comparator.comparing((ProviderMetric m) -> m.peerMedian() == null).thenComparing(ProviderMetric::id))
                .toList();
    }

    /** A chart below the tables, as wide as the first columns: the sheet still prints one page wide. */
    private static XSSFChart chart(XSSFSheet sheet, int top, int columns, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, Math.max(4, columns), top + 18);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    private static void codeMixChart(XSSFSheet sheet, int firstRow, int lastRow, int top, int columns) {
        XSSFChart chart = chart(sheet, top, columns, "Code mix (lines per code)");
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
    private static void peerChart(XSSFSheet sheet, int firstRow, int lastRow, int top, int columns) {
        XSSFChart chart = chart(sheet, top, columns, "Provider, peer median and outlier threshold (median = 100 %)");
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

    // Specialty Alignment: each claimed (or strongly evidenced) specialty with evidence, thresholds, outcome

    private static void alignment(SheetWriter sheet, Dossier dossier) {
        sheet.title("Specialty alignment: " + identity(dossier));
        sheet.tableHeader("Specialty", "Claimed", "Outcome", "Visits with evidence", "Visits", "Evidence share",
                "Supported at", "Weak below", "Evidence");
        sheet.cap(8, 55);
        if (dossier.alignments().isEmpty()) {
            if (dossier.provider().specialties().isEmpty()) {
                sheet.row().text("no specialties claimed or assessed");
            }
            for (String specialty : dossier.provider().specialties()) {
                sheet.row().text(specialty).text("yes").text(NOT_ASSESSED, Fill.MUTED);
            }
        }
        for (AlignmentRow a : dossier.alignments()) {
            long[] visits = DecisionWords.visits(a.evidence());
            sheet.row().text(a.specialty()).text(a.claimed() ? "yes" : "no").text(a.outcome().id(), outcomeFill(a.outcome()))
                    .integer(visits == null ? null : visits[0]).integer(visits == null ? null : visits[1])
                    .percent(a.evidenceShare()).percent(a.supportedAt()).percent(a.weakAt()).wrap(a.evidence());
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

    // Findings: every finding, colored by severity, linked to its claim line

    static Fill severityFill(Severity severity) {
        return switch (severity) {
            case ERROR -> Fill.ERROR;
            case WARNING -> Fill.WARNING;
            case INFO -> Fill.INFO;
        };
    }

    private static void findings(SheetWriter sheet, Dossier dossier) {
        sheet.title("Findings: " + identity(dossier));
        int header = sheet.tableHeader("Severity", "Status", "Rule", "Message", "Claim line", "Line detail", "Source",
                "Disposition", "Reviewer note");
        sheet.cap(3, 50);
        sheet.cap(5, 30);
        sheet.cap(6, 24);
        sheet.atLeast(7, 14);
        sheet.atLeast(8, 16);
        if (dossier.findings().isEmpty()) {
            sheet.row().text(NO_FINDINGS);
        }
        Map<String, Integer> rowOfLine = claimLineRows(dossier.lines());
        Map<String, ClaimLine> lineOf = new HashMap<>();
        for (ClaimLine line : dossier.lines()) {
            lineOf.put(lineKey(line.sourceFile(), line.lineNumber()), line);
            lineOf.putIfAbsent(claimKey(line.claimId(), line.lineNo()), line);
        }
        for (Finding f : dossier.findings()) {
            SheetWriter.RowWriter row = sheet.row().fill(severityFill(f.severity())).text(f.severity().name())
                    .text(dossier.history().statusOf(f.rule().id()).name()).text(f.rule().id()).wrap(f.message());
            ClaimLine line = null;
            Integer target = null;
            if (f.claimId() != null) {
                String key = f.sourceFile() != null && f.sourceLine() != null ? lineKey(f.sourceFile(), f.sourceLine())
                        : claimKey(f.claimId(), f.lineNo() == null ? 0 : f.lineNo());
                line = lineOf.get(key);
                target = rowOfLine.get(key);
            }
            String claim = f.claimId() == null ? null : f.claimId() + " line " + f.lineNo();
            if (target != null) {
                row.jump(claim, CLAIM_LINES, target);
            } else {
                row.text(claim == null ? "provider" : claim);
            }
            row.text(line == null ? (f.subject().isEmpty() ? null : "about: " + f.subject()) : lineDetail(line));
            row.text(f.sourceFile() != null ? f.sourceFile() + " line " + f.sourceLine() : providerSource(f, dossier));
            row.fill(Fill.NONE).cell("", Kind.INPUT).cell("", Kind.INPUT);
        }
        sheet.finish();
        if (!dossier.findings().isEmpty()) {
            dropDown(sheet.sheet(), DISPOSITIONS, header + 1, header + dossier.findings().size(), 7, 7);
        }
    }

    /** Member (masked), units, minutes, modifiers and diagnoses of a claim line, in one readable cell. */
    static String lineDetail(ClaimLine line) {
        return line.serviceDate() + " · " + line.procedureCode() + "; member " + MemberIds.mask(line.memberId()) + "; " + line.units() + (line.units() == 1 ? " unit" : " units")
                + "; " + (line.minutes() == null ? "no minutes" : line.minutes() + " min")
                + (line.modifiers().isEmpty() ? "" : "; modifiers " + String.join(" ", line.modifiers()))
                + "; dx " + (line.diagnosisCodes().isEmpty() ? "none" : String.join(" ", line.diagnosisCodes()));
    }

    /** Where a provider-level finding comes from: the file and line its message names, else the roster line. */
    static String providerSource(Finding f, Dossier dossier) {
        String named = DecisionWords.sourceIn(f.message());
        if (named != null) {
            return named;
        }
        return "roster.csv line " + dossier.provider().lineNumber();
    }

    // Claim Lines: every staged line, member id masked, with its findings and the lines billed while not allowed

    static Map<String, Integer> claimLineRows(List<ClaimLine> lines) {
        Map<String, Integer> rows = new HashMap<>(lines.size() * 3);
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            rows.put(lineKey(line.sourceFile(), line.lineNumber()), FIRST_CLAIM_LINE_ROW + i);
            rows.putIfAbsent(claimKey(line.claimId(), line.lineNo()), FIRST_CLAIM_LINE_ROW + i);
        }
        return rows;
    }

    private static void claimLines(SheetWriter sheet, Dossier dossier) {
        sheet.title("Claim lines: " + identity(dossier));
        List<Cutoff> cutoffs = DecisionWords.cutoffs(dossier.provider(), dossier.findings());
        sheet.paragraph(cutoffs.isEmpty()
                ? "No line is dated after a license expiry, an exclusion start or an NPI deactivation."
                : cutoffs.stream().map(c -> DecisionWords.billedAfter(c, dossier.lines()))
                .collect(Collectors.joining("; ")) + ": those lines are flagged in the column Billed while.");
        sheet.tableHeader("Claim id", "Line", "Service date", "Member", "Code", "Modifiers", "Units", "Minutes",
                "Diagnoses", "Place of service", "Charge", "Billing NPI", "Source file", "Source line", "Findings",
                "Billed while");
        sheet.cap(14, 24);
        if (dossier.lines().isEmpty()) {
            sheet.row().text(NO_LINES);
        }
        Map<String, List<Finding>> byLine = findingsByLine(dossier.findings());
        for (ClaimLine line : dossier.lines()) {
            List<Finding> found = byLine.getOrDefault(lineKey(line.sourceFile(), line.lineNumber()),
                    byLine.getOrDefault(claimKey(line.claimId(), line.lineNo()), List.of()));
            Severity worst = found.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
            String rules = found.stream().map(f -> f.rule().id()).distinct().collect(Collectors.joining("; "));
            String flag = cutoffs.stream().filter(c -> c.covers(line.serviceDate()))
                    .map(c -> c.describe().replace("on or after the ", "").replace("after the ", ""))
                    .map(s -> s.replace("exclusion start", "excluded since").replace("license expiry", "license expired")
                            .replace("NPI deactivation", "NPI deactivated"))
                    .collect(Collectors.joining("; "));
            sheet.row().text(line.claimId()).lineNo(line.lineNo()).date(line.serviceDate())
                    .text(MemberIds.mask(line.memberId())).text(line.procedureCode())
                    .text(line.modifiers().isEmpty() ? null : String.join(" ", line.modifiers())).integer(line.units())
                    .integer(line.minutes())
                    .text(line.diagnosisCodes().isEmpty() ? null : String.join(" ", line.diagnosisCodes()))
                    .text(line.placeOfService()).money(line.charge())
                    .text(line.billingNpi()).text(line.sourceFile()).lineNo(line.lineNumber())
                    .text(rules.isEmpty() ? null : rules, worst == null ? Fill.NONE : severityFill(worst))
                    .text(flag.isEmpty() ? null : flag, flag.isEmpty() ? Fill.NONE : Fill.ERROR);
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

    // Sources: the files the run read, the version and the run's times

    static void sources(SheetWriter sheet, RunFacts run) {
        sheet.title("Sources: every input and rule file this run read");
        sheet.row().label("CodeCred version").spanning(run.version(), Kind.TEXT, Fill.NONE);
        sheet.row().label("Run started (UTC)").spanning(utc(run.started()), Kind.TEXT, Fill.NONE);
        sheet.row().label("Run ended (UTC)").spanning(run.ended() == null
                ? "after this file was written (see run-summary.json)" : utc(run.ended()), Kind.TEXT, Fill.NONE);
        sheet.paragraph("Coding edits come from the rule files listed: \"as published by CMS / NUCC\" files are read"
                + " as CMS and NUCC ship them; \"kept by hand\" tables are maintained with CodeCred. A finding that"
                + " rests on a table value marked UNVERIFIED says so in its message. License expiry dates come from"
                + " the roster, not from the state board.");
        sheet.tableHeader("Kind", "File", "Date", "Date from", "Rows", "Bytes", "SHA-256");
        sheet.cap(6, 78);
        if (run.sources().isEmpty()) {
            sheet.row().text("not recorded");
        }
        for (org.codecred.sources.SourceFile f : run.sources()) {
            sheet.row().text(SourceFiles.label(f)).text(f.name()).date(f.date()).text(f.dateFrom()).integer(f.rows())
                    .integer(f.bytes()).text(f.sha256());
        }
        sheet.finish();
    }
}
