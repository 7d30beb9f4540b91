package org.codecred.coding;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.CodeCred;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.job.ExitCode;
import org.codecred.rules.RuleTableException;
import org.codecred.sources.SourceFile;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.codecred.coding.Lines.line;

/**
 * The CMS files exactly as CMS ships them (fixtures under {@code src/test/resources/published/cms/},
 * excerpts of the 2026 Q3 files kept byte for byte: the MUE CSV in Latin-1 with its multi-line
 * copyright record and its {@code "HCPCS/⏎CPT Code"} header cell, the PTP text edition with its
 * titles wrapped over four lines, both CRLF), dropped in unzipped, zipped and as a workbook.
 */
class CmsPublishedFilesTest {

    static final Path PUBLISHED = Path.of("src/test/resources/published/cms");
    static final String MUE_CSV = "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv";
    static final String MUE_ZIP = "medicare-ncci-2026-q3-practitioner-services-mue-table.zip";
    static final String PTP_TXT = "ccipra-v322r0-f1.TXT";
    static final String PTP_ZIP = "medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip";
    static final LocalDate Q3 = LocalDate.of(2026, 7, 1);

    @TempDir
    Path rules;

    Path cms;

    @BeforeEach
    void copyRules() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        cms = Files.createDirectories(rules.resolve("cms"));
    }

    static void zip(Path zipFile, Path... entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            for (Path entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.getFileName().toString()));
                zip.write(Files.readAllBytes(entry));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("CMS attestation and readme.pdf"));
            zip.write("%PDF-1.4 not a table".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
    }

    /** The MUE CSV's records as a workbook, the notice in A1 and the header cell with its line break. */
    static void mueWorkbook(Path xlsx) throws Exception {
        List<String[]> records = new ArrayList<>();
        try (CSVReader csv = new CSVReaderBuilder(new InputStreamReader(Files.newInputStream(PUBLISHED.resolve(MUE_CSV)),
                StandardCharsets.ISO_8859_1)).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            csv.forEach(records::add);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFSheet sheet = wb.createSheet("MUE");
            for (int r = 0; r < records.size(); r++) {
                var row = sheet.createRow(r);
                String[] cells = records.get(r);
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        if (r > 1 && c == 1) {
                            row.createCell(c).setCellValue(Double.parseDouble(cells[c]));   // numbers, as Excel keeps them
                        } else {
                            row.createCell(c).setCellValue(cells[c]);
                        }
                    }
                }
            }
            wb.write(out);
        }
    }

    private static List<Finding> check(CodingEngine engine, RuleId rule, Lines... lines) {
        return Lines.of(rule, engine.check(new ProviderDay(Lines.NPI, lines[0].build().serviceDate(),
                Stream.of(lines).map(Lines::build).toList()), Lines.MD));
    }

    /** 0009U: MUE 2, adjudication indicator 3, in the real 2026 Q3 file. */
    private void assertRealMueRowLimitsUnits(String origin) {
        CodingEngine engine = new CodingEngine(CodingRules.load(rules));
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("0009U").units(2).date(Q3))).isEmpty();
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("0009U").units(3).date(Q3))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("limit 2 per day (adjudication indicator 3, CMS " + origin));
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("0009U").units(2).date(Q3))
                .isEmpty()).isTrue();
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("0009U").units(3).date(Q3.minusDays(1))))
                .as("the file is in force from the date in its name").isEmpty();
    }

    @Test
    void mueCsvAsPublishedUnzipped() throws IOException {
        Files.copy(PUBLISHED.resolve(MUE_CSV), cms.resolve(MUE_CSV));
        assertRealMueRowLimitsUnits(MUE_CSV);
        CmsImport.Tables tables = CmsImport.load(cms, Set.of());
        assertThat(tables.unitLimits()).hasSize(30);
        assertThat(tables.sources()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("CMS MUE");
            assertThat(s.rows()).isEqualTo(30L);
            assertThat(s.date()).isEqualTo(Q3);
            assertThat(s.sha256()).isEqualTo(org.codecred.sources.FileFacts.sha256(PUBLISHED.resolve(MUE_CSV)));
        });
    }

    @Test
    void mueCsvAsPublishedZipped() throws IOException {
        zip(cms.resolve(MUE_ZIP), PUBLISHED.resolve(MUE_CSV));
        assertRealMueRowLimitsUnits(MUE_CSV);
        assertThat(CmsImport.load(cms, Set.of()).sources()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo(MUE_ZIP));
    }

    @Test
    void mueWorkbookAsPublished() throws Exception {
        mueWorkbook(cms.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx"));
        assertRealMueRowLimitsUnits("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx");
    }

    @Test
    void mueWorkbookZipped() throws Exception {
        Path xlsx = rules.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx");
        mueWorkbook(xlsx);
        zip(cms.resolve(MUE_ZIP), xlsx);
        assertRealMueRowLimitsUnits("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx");
    }

    @Test
    void ptpTextEditionDeletionDateIsTheLastDayInForce() throws IOException {
        Files.copy(PUBLISHED.resolve(PTP_TXT), cms.resolve(PTP_TXT));
        CodingEngine engine = new CodingEngine(CodingRules.load(rules));

        // 0001A / 99213: effective 20220101, deleted 20231231, modifier indicator 1
        assertThat(check(engine, RuleId.NCCI_PTP, line("0001A").date(LocalDate.of(2023, 12, 31)),
                line("99213").date(LocalDate.of(2023, 12, 31)))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("CMS " + PTP_TXT));
        assertThat(check(engine, RuleId.NCCI_PTP, line("0001A").date(LocalDate.of(2024, 1, 1)),
                line("99213").date(LocalDate.of(2024, 1, 1)))).as("the day after the deletion date").isEmpty();
        assertThat(check(engine, RuleId.NCCI_PTP, line("0001A").date(LocalDate.of(2023, 12, 31)),
                line("99213").date(LocalDate.of(2023, 12, 31)).modifiers("59"))).as("indicator 1: 59 bypasses").isEmpty();
    }

    @Test
    void ptpTextEditionRowsAndWrappedTitles() throws IOException {
        Files.copy(PUBLISHED.resolve(PTP_TXT), cms.resolve(PTP_TXT));
        CmsImport.Tables tables = CmsImport.load(cms, Set.of("0001U", "0001A"));
        assertThat(tables.pairEdits()).hasSize(17);
        PairEdit quarterEnd = tables.pairEdits().stream().filter(p -> p.column2().equals("0029U")).findFirst().orElseThrow();
        assertThat(quarterEnd.period().covers(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(quarterEnd.period().covers(LocalDate.of(2026, 7, 1))).isFalse();
        PairEdit open = tables.pairEdits().stream().filter(p -> p.column2().equals("0030U")).findFirst().orElseThrow();
        assertThat(open.period().to()).isNull();
        assertThat(open.rationale()).isEqualTo("Misuse of Column Two code with Column One code");
        PairEdit oneDay = tables.pairEdits().stream().filter(p -> p.column2().equals("90473")).findFirst().orElseThrow();
        assertThat(oneDay.modifierIndicator()).isEqualTo(9);
        assertThat(oneDay.period().covers(LocalDate.of(2022, 1, 1))).isTrue();
    }

    @Test
    void ptpZippedAndTheFourParts() throws IOException {
        List<String> lines = Files.readAllLines(PUBLISHED.resolve(PTP_TXT), StandardCharsets.ISO_8859_1);
        List<String> header = lines.subList(0, 6);
        List<String> data = lines.subList(6, lines.size());
        for (int part = 1; part <= 4; part++) {
            Path txt = rules.resolve("ccipra-v322r0-f" + part + ".TXT");
            List<String> partLines = new ArrayList<>(header);
            for (int i = part - 1; i < data.size(); i += 4) {
                partLines.add(data.get(i));
            }
            Files.writeString(txt, String.join("\r\n", partLines) + "\r\n", StandardCharsets.ISO_8859_1);
            zip(cms.resolve("medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f" + part + ".zip"), txt);
        }
        CmsImport.Tables tables = CmsImport.load(cms, Set.of("0001U", "0001A", "0001M", "0001T"));
        assertThat(tables.pairEdits()).hasSize(data.size());
        assertThat(tables.sources()).hasSize(4).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo("CMS PTP");
            assertThat(s.date()).isEqualTo(LocalDate.of(2026, 7, 1));   // 2026q3 in the zip's name
        });
    }

    @Test
    void aCmsFileThatCannotBeReadStopsTheRunNamingFileAndWhy() throws IOException {
        byte[] whole = Files.readAllBytes(PUBLISHED.resolve(MUE_CSV));
        Path zipFile = cms.resolve(MUE_ZIP);
        zip(zipFile, PUBLISHED.resolve(MUE_CSV));
        byte[] zipped = Files.readAllBytes(zipFile);
        Files.write(zipFile, Arrays.copyOf(zipped, zipped.length / 2));     // a download cut short
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining(MUE_ZIP).hasMessageContaining("not a readable zip");

        Files.delete(zipFile);
        Path notMue = rules.resolve("MCR_MUE_PractitionerServices_Eff_10-01-2026.csv");
        Files.write(notMue, Arrays.copyOf(whole, 600));     // the notice only: no header
        zip(cms.resolve("medicare-ncci-2026-q4-practitioner-services-mue-table.zip"), notMue);
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("MCR_MUE_PractitionerServices_Eff_10-01-2026.csv")
                .hasMessageContaining("cannot be read: Unterminated quoted field");

        Files.delete(cms.resolve("medicare-ncci-2026-q4-practitioner-services-mue-table.zip"));
        Files.write(cms.resolve(MUE_CSV), Arrays.copyOf(whole, 721));     // notice and header, no rows: cut short
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining(MUE_CSV).hasMessageContaining("no data rows");

        Files.delete(cms.resolve(MUE_CSV));
        Files.write(cms.resolve("ccipra-v322r0-f1.xlsx"), "not a workbook".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("ccipra-v322r0-f1.xlsx").hasMessageContaining("cannot be read");
    }

    /** Issue 19, case 7: a zip bomb in cms/ stops the run with exit 2 and a message, never exhausts the heap. */
    @Test
    void zipBombStopsTheRunWithExit2() throws Exception {
        Path bomb = cms.resolve(MUE_ZIP);
        byte[] row = "0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte\r\n".getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry(MUE_CSV));
            zip.write(Files.readAllBytes(PUBLISHED.resolve(MUE_CSV)));
            byte[] block = new byte[row.length * 16384];
            for (int i = 0; i < 16384; i++) {
                System.arraycopy(row, 0, block, i * row.length, row.length);
            }
            for (int i = 0; i < 40; i++) {       // about 40 MB expanded, about 100 KB compressed
                zip.write(block);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThatThrownBy(() -> CmsImport.load(cms, Set.of())).isInstanceOf(RuleTableException.class)
                .hasMessageContaining(MUE_ZIP + "!" + MUE_CSV).hasMessageContaining("expands beyond");

        TestMonth month = new TestMonth(rules.resolve("run"), "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(Arrays.asList(month.args()));
        args.replaceAll(a -> a.startsWith("--rules=") ? "--rules=" + rules : a);
        ExitCode code = CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(MUE_ZIP).contains("zip bomb").doesNotContain("Exception");
    }

    /** A formula in a CMS workbook (here one linking another workbook) is refused with exit 2 naming file and cell. */
    @Test
    void aFormulaInACmsWorkbookIsRefusedNamingTheCell() throws Exception {
        Path xlsx = cms.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx");
        mueWorkbook(xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            wb.getSheet("MUE").getRow(3).getCell(1).setCellFormula("B3+1");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
        assertThatThrownBy(() -> CmsImport.load(cms, Set.of())).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx, sheet 'MUE', cell B4 holds a"
                        + " formula, not a value");

        TestMonth month = new TestMonth(rules.resolve("run"), "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(Arrays.asList(month.args()));
        args.replaceAll(a -> a.startsWith("--rules=") ? "--rules=" + rules : a);
        assertThat(CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new)))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cell B4 holds a formula").doesNotContain("Exception");
    }

    @Test
    void aFormulaInAnOldExcelWorkbookIsRefusedToo() throws Exception {
        Path xls = cms.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.xls");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(xls)) {
            var sheet = wb.createSheet("MUE");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("HCPCS/CPT Code");
            header.createCell(1).setCellValue("Practitioner Services MUE Values");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("90834");
            row.createCell(1).setCellFormula("1+1");
            wb.write(out);
        }
        assertThatThrownBy(() -> CmsImport.load(cms, Set.of())).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("sheet 'MUE', cell B2 holds a formula");
    }

    @Test
    void aWorkbookOfValuesIsRead() throws Exception {
        mueWorkbook(cms.resolve("MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx"));
        assertThat(CmsImport.load(cms, Set.of()).unitLimits()).hasSize(30);
    }

    /**
     * The whole job: the zipped MUE table as published limits 0009U to 2 units (findings.csv), its file
     * and the month's NPPES file are recorded, and the NPPES file, dated 2026-08-01, is reported stale.
     */
    @Test
    void theJobAppliesTheRealMueRowAndRecordsItsSources() throws Exception {
        zip(cms.resolve(MUE_ZIP), PUBLISHED.resolve(MUE_CSV));
        TestMonth month = new TestMonth(rules.resolve("run"), "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv",
                TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "0009U", "", "F41.1").replace(",11,140.00", ",11,10.00")
                        .replace(",,1,,F41.1", ",,3,,F41.1"),
                TestMonth.line("C2", 1, "MBR0002", "2026-10-06", "0009U", "", "F41.1"));
        month.file("nppes/npidata_pfile_20050523-20260801.csv", "\"NPI\",\"Entity Type Code\",\"Provider Last Name (Legal Name)\"",
                "\"" + TestMonth.NPI + "\",\"1\",\"TESTER\"");
        List<String> args = new ArrayList<>(Arrays.asList(month.args()));
        args.replaceAll(a -> a.startsWith("--rules=") ? "--rules=" + rules : a);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new)))
                .as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.COMPLETED);

        assertThat(month.read("findings.csv").lines().filter(l -> l.contains("UNITS-EXCEED")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("C1").contains("limit 2 per day (adjudication indicator 3, CMS " + MUE_CSV));
        assertThat(month.query("SELECT kind || ' ' || file_name || ' ' || row_count || ' ' || published FROM codecred.source_file"
                + " ORDER BY seq")).hasSize(3).startsWith("CMS MUE " + MUE_ZIP + " 30 2026-07-01")
                .endsWith("NPPES npidata_pfile_20050523-20260801.csv 1 2026-08-01")
                .anyMatch(s -> s.startsWith("NUCC taxonomy nucc_taxonomy_251.csv 61 "));
        assertThat(month.query("SELECT COUNT(*) FROM codecred.source_file WHERE sha256 = '"
                + org.codecred.sources.FileFacts.sha256(cms.resolve(MUE_ZIP)) + "'")).containsExactly("1");
        // the Q3 MUE file is current through September: not stale for October; the August NPPES file is
        assertThat(month.read("run-summary.json")).contains("\"NPPES file npidata_pfile_20050523-20260801.csv"
                + " is dated 2026-08-01, 91 days before the end of 2026-10 (more than 45): download the current edition\"")
                .doesNotContain("CMS MUE file");
    }

    @Test
    void staleSourcesAreCountedFromTheirPublicationOrTheirQuarter() {
        java.time.YearMonth october = java.time.YearMonth.of(2026, 10);
        List<SourceFile> files = List.of(
                new SourceFile("CMS MUE", "q3.zip", LocalDate.of(2026, 7, 1), "file name", 1L, 0, "x"),
                new SourceFile("CMS PTP", "q2.zip", LocalDate.of(2026, 4, 1), "file name", 1L, 0, "x"),
                new SourceFile("OIG LEIE", "UPDATED.csv", LocalDate.of(2026, 9, 16), "file name", 1L, 0, "x"),
                new SourceFile("OIG LEIE", "2608REIN.csv", LocalDate.of(2026, 8, 1), "file name", 1L, 0, "x"));
        assertThat(org.codecred.sources.SourceFileTable.staleWarnings(october, files))
                .containsExactly("CMS PTP file q2.zip is dated 2026-04-01, 213 days before the end of 2026-10"
                                + " (more than 45 after its quarter): download the current edition",
                        "OIG LEIE file 2608REIN.csv is dated 2026-08-01, 91 days before the end of 2026-10"
                                + " (more than 45): download the current edition");
    }

    @Test
    void aLineWithoutEndStopsTheRun() throws IOException {
        String endless = "HCPCS/CPT Code,Practitioner Services MUE Values\r\n" + "9".repeat(org.codecred.sources.CmsFiles.MAX_LINE_CHARS + 10);
        Files.writeString(cms.resolve(MUE_CSV), endless, StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CmsImport.load(cms, Set.of())).isInstanceOf(RuleTableException.class)
                .hasMessageContaining(MUE_CSV).hasMessageContaining("longer than");
    }
}
