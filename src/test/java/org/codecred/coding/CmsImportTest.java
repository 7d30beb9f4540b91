package org.codecred.coding;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.rules.RuleTableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.codecred.coding.Lines.line;

/** CMS files dropped into cms/ as published: an .xlsx PTP part, a zipped MUE CSV; they win over the hand tables. */
class CmsImportTest {

    @TempDir
    Path rules;

    @BeforeEach
    void copyRules() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(rules.resolve("cms"));
    }

    private void writePtpWorkbook(String name) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(rules.resolve("cms").resolve(name))) {
            XSSFSheet sheet = wb.createSheet("ccipra");
            row(sheet, 0, "CPT only copyright 2025 American Medical Association. All rights reserved.");
            row(sheet, 1, "Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date",
                    "Deletion Date *=no data", "Modifier 0=not allowed 1=allowed 9=not applicable", "PTP Edit Rationale");
            row(sheet, 2, "", "", "", "", "", "", "");
            row(sheet, 3, "Note: the rows below are the edits", "", "", "", "", "", "");
            Row data = sheet.createRow(4);
            data.createCell(0).setCellValue("90846");
            data.createCell(1).setCellValue("90834");
            data.createCell(2).setCellValue("");
            data.createCell(3).setCellValue(20140101);          // numeric cell, as Excel keeps it
            data.createCell(4).setCellValue("*");
            data.createCell(5).setCellValue(0);
            data.createCell(6).setCellValue("Mutually exclusive procedures");
            row(sheet, 5, "90834", "90791", "", "20130101", "20200101", "0", "CPT Manual or CMS manual coding instructions");
            row(sheet, 6, "12345", "67890", "", "20130101", "*", "0", "unrelated");
            wb.write(out);
        }
    }

    private static void row(XSSFSheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }

    private void writeMueZip(String zipName, String csvName) throws IOException {
        String csv = "\"CPT codes and descriptions only are copyright 2025 American Medical Association\"\r\n"
                + "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n"
                + "90791,2,\"3 Date of Service Edit: Clinical\",Clinical: Data\r\n"
                + "96159,6,\"2 Date of Service Edit: Policy\",CMS Policy\r\n";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(rules.resolve("cms").resolve(zipName)))) {
            zip.putNextEntry(new ZipEntry(csvName));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("readme.pdf"));
            zip.write(new byte[]{1, 2, 3});
            zip.closeEntry();
        }
    }

    private static List<Finding> check(CodingEngine engine, RuleId rule, Lines... lines) {
        return Lines.of(rule, engine.check(new ProviderDay(Lines.NPI, lines[0].build().serviceDate(),
                Stream.of(lines).map(Lines::build).toList()), Lines.MD));
    }

    @Test
    void cmsPairRowsGovernThePairsTheyCarry() throws IOException {
        writePtpWorkbook("ccipra-v321r0-f1.xlsx");
        CodingEngine engine = new CodingEngine(CodingRules.load(rules));

        // hand table: indicator 1 (59 bypasses); CMS file: indicator 0
        assertThat(check(engine, RuleId.NCCI_PTP, line("90846").minutes(50), line("90834").minutes(45).modifiers("59")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("CMS ccipra-v321r0-f1.xlsx"));
        // CMS deleted 90834/90791 with 2020-01-01 its last day: the hand row no longer applies either
        assertThat(check(engine, RuleId.NCCI_PTP, line("90791"), line("90834").minutes(45))).isEmpty();
        assertThat(check(engine, RuleId.NCCI_PTP, line("90791").date(LocalDate.of(2020, 1, 1)),
                line("90834").minutes(45).date(LocalDate.of(2020, 1, 1)))).hasSize(1);
        assertThat(check(engine, RuleId.NCCI_PTP, line("90791").date(LocalDate.of(2020, 1, 2)),
                line("90834").minutes(45).date(LocalDate.of(2020, 1, 2)))).isEmpty();
        // pairs the CMS file does not carry keep the hand rows
        assertThat(check(engine, RuleId.NCCI_PTP, line("90839").minutes(60), line("90853"))).hasSize(1);
    }

    @Test
    void zippedMueCsvWinsFromTheDateInItsName() throws IOException {
        writeMueZip("MCR_MUE_PractitionerServices_Eff_10-01-2026.zip", "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv");
        CodingEngine engine = new CodingEngine(CodingRules.load(rules));

        assertThat(check(engine, RuleId.UNITS_EXCEED, line("90791").units(2))).isEmpty();
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("90791").units(3))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("limit 2 per day (adjudication indicator 3, CMS MCR_MUE"));
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("90791").units(2).date(LocalDate.of(2026, 9, 30))))
                .as("before the file's date the hand table applies").hasSize(1);
    }

    @Test
    void hospitalFilesAreSkippedAndUnknownLayoutsStopTheRun() throws IOException {
        writeMueZip("MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026.zip", "MCR_MUE_OutpatientHospitalServices.csv");
        CodingEngine engine = new CodingEngine(CodingRules.load(rules));
        assertThat(check(engine, RuleId.UNITS_EXCEED, line("90791").units(2))).hasSize(1);

        Files.writeString(rules.resolve("cms").resolve("my-notes.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("my-notes.csv").hasMessageContaining("neither an NCCI Practitioner PTP file");
    }

    @Test
    void badPtpRowNamesFileRowAndColumn() throws IOException {
        Files.writeString(rules.resolve("cms").resolve("ccipra-v321r0-f2.txt"),
                "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale\n"
                        + "90846\t90834\t\t2014-13-45\t*\t0\tx\n");
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("ccipra-v321r0-f2.txt row 2, column 'Effective Date'");
    }

    @Test
    void badHandTableRowStopsTheRunWithFileLineAndColumn() throws IOException {
        Files.writeString(rules.resolve("unit-limits.csv"), "code,limit,adjudication_indicator,effective_from,effective_to\n"
                + "90791,one,2,,\n");
        assertThatThrownBy(() -> CodingRules.load(rules)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("unit-limits.csv line 2, column 'limit'");
    }
}
