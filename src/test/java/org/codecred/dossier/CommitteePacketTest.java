package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.dossier.Cells.shown;

/**
 * The sample month's workbooks as a committee packet: every cell fits (measured with the real
 * font), the HOLD dossier opens with its decision and the facts in words, findings link to their
 * claim lines, Sources carries each file's SHA-256, the summary is in triage order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteePacketTest {

    private TestMonth month;
    /** Every log line of the run, as the appenders received them, and what it printed to the user. */
    private final List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void runTheSampleMonth(@TempDir Path tmp) throws Exception {
        month = new TestMonth(tmp, "2026-10");
        copy(Path.of("input/2026-10"), month.monthDir());
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> capture = new ch.qos.logback.core.AppenderBase<>() {
            @Override
            protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
                logLines.add(event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
            }
        };
        capture.start();
        root.addAppender(capture);
        try {
            assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        } finally {
            root.detachAppender(capture);
        }
        logLines.add(month.lastMessage);
    }

    /** The job's dossiers (the template stream) are what POI's object model writes, as POI reads them back. */
    @Test
    void everyDossierIsWhatPoisObjectModelWrites() throws Exception {
        assertThat(SampleDossiersComparison.differences(month, 100)).isEmpty();
    }

    /**
     * Every member id and member birth date of the input (CSV columns, the 837's subscriber ids and
     * birth dates), searched as whole words in every output file (CSV, JSON, every workbook cell) and
     * every log line of the run, in every form a date takes: none may appear.
     */
    @Test
    void noMemberIdOrBirthDateAppearsInClearInAnyOutputOrLogLine() throws Exception {
        Set<String> secrets = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.list(month.monthDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("claims") && name.endsWith(".csv")) {
                    List<String> rows = Files.readAllLines(f);
                    List<String> header = List.of(rows.get(0).toLowerCase(java.util.Locale.ROOT).split(","));
                    int id = header.indexOf("member_id");
                    int dob = header.indexOf("member_dob");
                    for (String row : rows.subList(1, rows.size())) {
                        // rejected rows too: a row with fields missing still has its member id where the header says
                        String[] fields = row.replace("\"", "").split(",", -1);
                        if (fields.length > id) {
                            secrets.add(fields[id].trim());
                        }
                        if (dob >= 0 && fields.length > dob && fields[dob].trim().matches("[\\d/-]{8,10}")) {
                            secrets.addAll(dateForms(fields[dob].trim()));
                        }
                    }
                } else if (name.startsWith("claims")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("NM1\\*IL\\*[^~]*\\*MI\\*([^~*]+)|DMG\\*D8\\*(\\d{8})")
                            .matcher(Files.readString(f));
                    while (m.find()) {
                        secrets.addAll(m.group(1) != null ? List.of(m.group(1)) : dateForms(m.group(2)));
                    }
                }
            }
        }
        secrets.removeIf(s -> s.length() < 5);
        assertThat(secrets).hasSizeGreaterThan(100);

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(month.outputDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                List<String> texts = new ArrayList<>();
                if (f.toString().endsWith(".xlsx")) {
                    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
                        org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
                        for (Sheet sheet : wb) {
                            for (Row row : sheet) {
                                for (Cell cell : row) {
                                    texts.add(shown.formatCellValue(cell));
                                }
                            }
                        }
                    }
                } else {
                    texts.add(Files.readString(f, java.nio.charset.StandardCharsets.UTF_8));
                }
                scan(month.outputDir().relativize(f).toString(), texts, secrets, found);
            }
        }
        scan("log", logLines, secrets, found);
        assertThat(found).isEmpty();
    }

    /** A date as the input wrote it and as an output could: ISO, yyyymmdd, M/d/yyyy and MM/dd/yyyy. */
    private static List<String> dateForms(String text) {
        java.time.LocalDate d;
        if (text.matches("\\d{8}")) {
            d = java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } else if (text.contains("/")) {
            d = java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy"));
        } else {
            d = java.time.LocalDate.parse(text);
        }
        return List.of(text, d.toString(), d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                d.format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy")),
                d.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    }

    private static void scan(String where, List<String> texts, Set<String> secrets, List<String> found) {
        for (String text : texts) {
            for (String secret : secrets) {
                int at = text.indexOf(secret);
                while (at >= 0) {
                    boolean wordBefore = at > 0 && Character.isLetterOrDigit(text.charAt(at - 1));
                    int end = at + secret.length();
                    boolean wordAfter = end < text.length() && Character.isLetterOrDigit(text.charAt(end));
                    if (!wordBefore && !wordAfter) {
                        found.add(where + ": " + secret);
                        break;
                    }
                    at = text.indexOf(secret, at + 1);
                }
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private XSSFWorkbook open(String relative) throws IOException {
        try (InputStream in = Files.newInputStream(month.outputDir().resolve(relative))) {
            return new XSSFWorkbook(in);
        }
    }

    private String dossierOf(String lastName) throws IOException {
        try (Stream<Path> files = Files.list(month.outputDir().resolve("dossiers"))) {
            return "dossiers/" + files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("-" + lastName + ".xlsx"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void everyCellOfEveryWorkbookFitsItsColumnOrItsWrappedRow() throws Exception {
        assertThat(WorkbookRuler.fontsInstalled()).as("Liberation Sans installed (fonts-liberation, see .ci/run)").isTrue();
        List<String> overflows = new WorkbookRuler().overflows(month.outputDir());
        assertThat(overflows).isEmpty();
    }

    @Test
    void theRulerFindsAnOverflow() throws Exception {
        // the check above can fail: a cell narrowed after the layout is reported
        Path copy = month.root.resolve("narrowed.xlsx");
        try (XSSFWorkbook wb = open(dossierOf("Stroud"))) {
            wb.getSheet(DossierWorkbook.FINDINGS).setColumnWidth(3, 6 * 256);
            try (var out = Files.newOutputStream(copy)) {
                wb.write(out);
            }
        }
        assertThat(new WorkbookRuler().overflows(copy, "narrowed.xlsx"))
                .anyMatch(p -> p.startsWith("narrowed.xlsx Findings!D3"));
    }

    @Test
    void theHoldDossierOpensWithTheDecisionAndItsFactsInWords() throws IOException {
        String file = dossierOf("Stroud");
        String npi = file.substring("dossiers/".length(), "dossiers/".length() + 10);
        try (XSSFWorkbook wb = open(file)) {
            Sheet summary = wb.getSheet(DossierWorkbook.SUMMARY);
            assertThat(shown(summary, 2, 0)).isEqualTo("■ HOLD — do not credential");
            assertThat(wb.getFontAt(summary.getRow(2).getCell(0).getCellStyle().getFontIndex()).getFontHeightInPoints())
                    .isGreaterThanOrEqualTo((short) 16);
            assertThat(summary.getRow(1).getCell(0).getCellStyle().getFillPattern())
                    .as("a striped band, visible in grayscale").isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.THICK_FORWARD_DIAG);
            assertThat(textOf(summary, "Excluded by the OIG (LEIE)"))
                    .contains("matched by NPI " + npi).contains("1128b4 from 2024-10-01").contains("UPDATED.csv line 42");
            assertThat(textOf(summary, "Billed while not allowed"))
                    .matches("\\d+ lines, \\$[\\d,]+\\.\\d\\d billed on or after the exclusion start 2024-10-01 \\(flagged on Claim Lines\\)");
            assertThat(textOf(summary, "Recommended action")).startsWith("Hold credentialing");
            List<String> decisionChoices = new ArrayList<>();
            int decisionRow = rowLabelled(summary, "Decision");
            for (DataValidation v : summary.getDataValidations()) {
                if (v.getRegions().getCellRangeAddress(0).getFirstRow() == decisionRow) {
                    decisionChoices.addAll(List.of(v.getValidationConstraint().getExplicitListValues()));
                }
            }
            assertThat(decisionChoices).containsExactly("Approve", "Deny", "Defer", "Conditional");
            assertThat(rowLabelled(summary, "Reviewed by")).isPositive();
            assertThat(rowLabelled(summary, "Signature")).isPositive();
            assertThat(rowLabelled(summary, "Comments")).isPositive();
            // the claim lines after the exclusion start are flagged
            Sheet lines = wb.getSheet(DossierWorkbook.CLAIM_LINES);
            assertThat(shown(lines, 1, 0)).contains(" billed on or after the exclusion start 2024-10-01");
            assertThat(shown(lines, DossierWorkbook.FIRST_CLAIM_LINE_ROW, 15)).isEqualTo("excluded since 2024-10-01");
        }
    }

    @Test
    void theUnsupportedSpecialtyShowsItsVisitCounts() throws IOException {
        try (XSSFWorkbook wb = open(dossierOf("Ferreira"))) {
            Sheet summary = wb.getSheet(DossierWorkbook.SUMMARY);
            int trauma = rowLabelled(summary, "trauma");
            assertThat(shown(summary, trauma, 1)).isEqualTo("UNSUPPORTED");
            assertThat(shown(summary, trauma, 2)).isEqualTo("0 of 60 visits");
            assertThat(shown(summary, 2, 0)).startsWith("▲ REVIEW");
        }
    }

    @Test
    void aLineFindingLinksToItsClaimLine() throws IOException {
        try (XSSFWorkbook wb = open(dossierOf("Harrow"))) {
            Sheet findings = wb.getSheet(DossierWorkbook.FINDINGS);
            Row upcoded = null;
            for (Row row : findings) {
                if ("TIME-UPCODED".equals(shown(findings, row.getRowNum(), 2))) {
                    upcoded = row;
                    break;
                }
            }
            assertThat(upcoded).isNotNull();
            Cell claim = upcoded.getCell(4);
            Hyperlink link = claim.getHyperlink();
            assertThat(link).isNotNull();
            assertThat(link.getAddress()).matches("'Claim Lines'!A\\d+");
            int target = Integer.parseInt(link.getAddress().substring("'Claim Lines'!A".length())) - 1;
            Sheet lines = wb.getSheet(DossierWorkbook.CLAIM_LINES);
            assertThat(claim.getStringCellValue()).isEqualTo(shown(lines, target, 0) + " line " + shown(lines, target, 1));
            assertThat(shown(lines, target, 14)).contains("TIME-UPCODED");
            assertThat(shown(findings, upcoded.getRowNum(), 5)).contains("member ****").contains(" min").contains("dx ");
            assertThat(shown(findings, upcoded.getRowNum(), 1)).isEqualTo("NEW");
            // line numbers print without thousands separators
            assertThat(shown(lines, target, 13)).doesNotContain(",");
        }
    }

    @Test
    void sourcesNameEachFileWithItsSha256() throws Exception {
        Path leie = month.monthDir().resolve("exclusions/UPDATED.csv");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(leie)));
        for (String workbook : List.of(dossierOf("Stroud"), SummaryWorkbook.fileName(YearMonth.parse("2026-10")))) {
            try (XSSFWorkbook wb = open(workbook)) {
                Sheet sources = wb.getSheet(DossierWorkbook.SOURCES);
                int row = rowWith(sources, 1, "UPDATED.csv");
                assertThat(shown(sources, row, 6)).as(workbook).isEqualTo(sha);
                assertThat(shown(sources, row, 0)).startsWith("exclusion list");
                assertThat(shown(sources, row, 4)).isEqualTo(Long.toString(Files.readAllLines(leie).size() - 1));
            }
        }
    }

    @Test
    void theSummaryIsInTriageOrderWithTheRunCountsFirst() throws IOException {
        try (XSSFWorkbook wb = open(SummaryWorkbook.fileName(YearMonth.parse("2026-10")))) {
            assertThat(Cells.sheetNames(wb)).containsExactlyElementsOf(SummaryWorkbook.SHEETS);
            Sheet overview = wb.getSheet("Overview");
            String json = Files.readString(month.outputDir().resolve("run-summary.json"));
            long read = Long.parseLong(json.replaceAll("(?s).*\"lines_read\": (\\d+).*", "$1"));
            assertThat(shown(overview, rowLabelled(overview, "Claim lines read"), 1)).isEqualTo(String.format("%,d", read));
            assertThat(shown(overview, rowLabelled(overview, "Roster rows rejected"), 1)).isEqualTo("2");
            Sheet providers = wb.getSheet("Providers");
            List<String> order = new ArrayList<>();
            for (int r = 2; r <= providers.getLastRowNum(); r++) {
                String verdict = shown(providers, r, 0);
                order.add((verdict.contains("HOLD") ? "0" : verdict.contains("REVIEW") ? "1" : "2") + shown(providers, r, 1));
            }
            assertThat(order).hasSize(Integer.parseInt(json.replaceAll("(?s).*\"providers\": (\\d+).*", "$1"))).isSorted();
            assertThat(order.get(0)).startsWith("0");
            assertThat(shown(providers, 1, 11)).isEqualTo("Committee decision");
            assertThat(shown(providers, 1, 5)).isEqualTo("Previous verdict");
            int stroud = rowWith(providers, 2, "Stroud, Nolan");
            assertThat(shown(providers, stroud, 4)).isEqualTo("Excluded by the OIG (LEIE)");
            assertThat(wb.getSheet("Rejected").getLastRowNum()).isGreaterThanOrEqualTo(2 + 14 + 2 - 1);
            assertThat(((XSSFSheet) overview).isDisplayGridlines()).isFalse();
            assertThat(overview.getHeader().getRight()).contains("CONFIDENTIAL");
            assertThat(wb.getProperties().getCoreProperties().getTitle()).isEqualTo("Credentialing summary 2026-10");
        }
    }

    private static int rowLabelled(Sheet sheet, String label) {
        return rowWith(sheet, 0, label);
    }

    private static int rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            if (text.equals(shown(sheet, row.getRowNum(), column))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row with " + text + " in column " + column + " of " + sheet.getSheetName());
    }

    private static String textOf(Sheet sheet, String label) {
        return shown(sheet, rowLabelled(sheet, label), 1);
    }
}
