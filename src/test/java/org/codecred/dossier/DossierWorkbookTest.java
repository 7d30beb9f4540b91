package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.alignment.ProviderMetric;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.codecred.dossier.Cells.cell;
import static org.codecred.dossier.Cells.rowStartingWith;
import static org.codecred.dossier.Cells.shown;
import static org.codecred.dossier.Cells.valueOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DossierWorkbookTest {

    static XSSFWorkbook render(Dossier dossier, DossierWorkbook.Engine engine) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes(dossier, engine)));
    }

    /** The file the engine writes for the dossier. */
    static byte[] bytes(Dossier dossier, DossierWorkbook.Engine engine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the time bands come from the code table, as the job reads them
        RunFacts unknown = RunFacts.unknown(null);
        RunFacts run = new RunFacts(unknown.version(), null, null, List.of(), unknown.timedCodes(),
                DossierStepsConfig.timeBands(java.nio.file.Path.of("src/test/resources/rules")));
        new DossierWorkbook(engine).write(dossier, run, out);
        return out.toByteArray();
    }

    @Test
    void hasTheSixSheetsInOrder() throws IOException {
        try (Workbook wb = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID)) {
            assertEquals(DossierWorkbook.SHEETS, Cells.sheetNames(wb));
        }
    }

    @Test
    void summaryOpensWithTheDecisionThenFiguresIdentityAndTheReviewerBlock() throws IOException {
        try (Workbook wb = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID)) {
            Sheet summary = wb.getSheet("Summary");
            assertEquals("■ HOLD — do not credential", shown(summary, 2, 0));
            assertEquals("on the exclusion list since 2019-01-01", valueOf(summary, "Excluded by the OIG (LEIE)").getStringCellValue());
            assertEquals("4 lines; 1 with coding errors; coding accuracy 75.0 %", valueOf(summary, "Claim lines").getStringCellValue());
            assertEquals("1 errors, 1 warnings, 2 for the record", valueOf(summary, "Findings").getStringCellValue());
            assertEquals("1 failed of 2", valueOf(summary, "Credential checks").getStringCellValue().replaceAll("of \\d+", "of 2"));
            Cell npi = valueOf(summary, "Name, NPI");
            assertEquals(CellType.STRING, npi.getCellType());
            assertTrue(npi.getStringCellValue().endsWith("NPI " + Dossiers.NPI));
            assertTrue(valueOf(summary, "License").getStringCellValue().contains("expires 2026-11-30"));
            assertTrue(valueOf(summary, "License").getStringCellValue().contains("not verified with the state board"));
            assertEquals("none", valueOf(summary, "Previous verdict").getStringCellValue());
            assertEquals("", valueOf(summary, "Reviewed by").getStringCellValue());
            assertFalse(summary.getPrintSetup().getLandscape(), "the summary prints upright on one page");
        }
    }

    @Test
    void findingsAreListedWithTheirRuleAndColoredBySeverity() throws IOException {
        try (Workbook wb = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID)) {
            Sheet findings = wb.getSheet("Findings");
            assertEquals("Severity", shown(findings, 1, 0));
            int upcoded = rowWith(findings, 2, "TIME-UPCODED");
            assertEquals("ERROR", shown(findings, upcoded, 0));
            assertEquals("NEW", shown(findings, upcoded, 1));
            assertEquals("90837 billed for 45 documented minutes; the time supports 90834", shown(findings, upcoded, 3));
            assertEquals("=1+2 line 1", shown(findings, upcoded, 4));
            assertEquals("'Claim Lines'!A4", cell(findings, upcoded, 4).getHyperlink().getAddress());
            assertEquals("2026-10-05 · 90837; member ****6789; 1 unit; 45 min; modifiers 95; dx F43.10", shown(findings, upcoded, 5));
            assertEquals("claims.csv line 2", shown(findings, upcoded, 6));
            assertEquals("F4C7C3", fill(findings, upcoded, 0));
            assertEquals("FCE8B2", fill(findings, rowWith(findings, 2, "TELEHEALTH-MODIFIER"), 3));
            // an expiring license is INFO since contract v3
            assertEquals("CFE2F3", fill(findings, rowWith(findings, 2, "LICENSE-EXPIRING"), 3));
            assertEquals("CFE2F3", fill(findings, rowWith(findings, 2, "SPECIALTY-UNDECLARED"), 2));
            assertEquals(1 + 1 + 4, findings.getLastRowNum() + 1, "title, header, 4 findings");
            assertNotNull(((XSSFSheet) findings).getCTWorksheet().getAutoFilter(), "filterable");
            assertEquals(2, findings.getPaneInformation().getHorizontalSplitPosition(), "title and header frozen");
            assertTrue(findings.getPrintSetup().getLandscape());
            assertEquals("2:2", findings.getRepeatingRows().formatAsString().replace("$", ""));
            assertEquals("Disposition", shown(findings, 1, 7));
            assertEquals(1, findings.getDataValidations().size(), "the Disposition drop-down");
        }
    }

    @Test
    void claimLinesMaskMembersAndKeepFormulaLookingTextAsText() throws IOException {
        try (Workbook wb = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID)) {
            Sheet lines = wb.getSheet("Claim Lines");
            Cell claimId = cell(lines, 3, 0);
            assertEquals(CellType.STRING, claimId.getCellType());
            assertEquals("=1+2", claimId.getStringCellValue());
            assertTrue(claimId.getCellStyle().getQuotePrefixed(), "=1+2 is quote-prefixed");
            assertFalse(cell(lines, 4, 0).getCellStyle().getQuotePrefixed(), "C-2 needs no prefix");
            assertTrue(cell(lines, 6, 0).getCellStyle().getQuotePrefixed(), "@SUM(A1) is quote-prefixed");
            assertEquals("****6789", shown(lines, 3, 3));
            assertEquals("****1234", shown(lines, 4, 3));
            assertFalse(Cells.dump(wb, null).contains("M123456789"), "no unmasked member id anywhere");
            assertEquals("TIME-UPCODED", shown(lines, 3, 14));
            assertEquals("F4C7C3", fill(lines, 3, 14));
            assertEquals("TELEHEALTH-MODIFIER", shown(lines, 4, 14));
            assertEquals("", shown(lines, 5, 14));
            assertEquals(45, cell(lines, 3, 7).getNumericCellValue());
            assertEquals(CellType.BLANK, cell(lines, 5, 7) == null ? CellType.BLANK : cell(lines, 5, 7).getCellType());
            assertEquals("125.50", shown(lines, 3, 10));
            assertTrue(DateUtil.isCellDateFormatted(cell(lines, 3, 2)));
            Sheet checks = wb.getSheet("Credentials");
            Cell detail = cell(checks, 3, 3);
            assertEquals("=HYPERLINK(\"x\") excluded 2019-01-01", detail.getStringCellValue());
            assertTrue(detail.getCellStyle().getQuotePrefixed());
            assertEquals(CellType.STRING, detail.getCellType());
        }
    }

    @Test
    void codingProfileHasCodeMixBandsPeersAndTwoCharts() throws IOException {
        try (XSSFWorkbook wb = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID)) {
            XSSFSheet profile = wb.getSheet("Coding Profile");
            int header = rowStartingWith(profile, "Code");
            assertEquals("90834", shown(profile, header + 1, 0), "most billed code first");
            assertEquals("2", shown(profile, header + 1, 1));
            assertEquals("50.0%", shown(profile, header + 1, 3));
            int bands = rowStartingWith(profile, "Band");
            assertEquals("not documented", shown(profile, bands + 1, 0));
            assertEquals("1", shown(profile, bands + 1, 1));
            assertEquals("2", shown(profile, bands + 4, 1), "38–52 min: 45 and 40");
            int peers = rowStartingWith(profile, "Metric");
            int share = rowStartingWith(profile, "share-90837");
            assertTrue(share > peers);
            assertEquals("62.0%", shown(profile, share, 1));
            assertEquals("35.0%", shown(profile, share, 4));
            assertEquals("ABOVE threshold", shown(profile, share, 6));
            assertEquals("6.50", shown(profile, rowStartingWith(profile, "services-per-day"), 1));
            assertEquals(2, profile.getDrawingPatriarch().getCharts().size());
            Sheet alignment = wb.getSheet("Specialty Alignment");
            int unsupported = rowStartingWith(alignment, "family-therapy");
            assertEquals("UNSUPPORTED", shown(alignment, unsupported, 2));
            assertEquals("20.0%", shown(alignment, unsupported, 6));
        }
    }

    @Test
    void emptyTablesShowPlaceholders() throws IOException {
        try (XSSFWorkbook wb = render(Dossiers.bare(), DossierWorkbook.Engine.HYBRID)) {
            Sheet summary = wb.getSheet("Summary");
            assertEquals("not decided", shown(summary, 2, 0));
            assertEquals("not decided", valueOf(summary, "Reasons").getStringCellValue());
            assertEquals("no checks recorded", valueOf(summary, "Credential checks").getStringCellValue());
            assertEquals("0 (no verdict decided)", valueOf(summary, "Claim lines").getStringCellValue());
            assertEquals("no checks recorded", shown(wb.getSheet("Credentials"), 2, 1));
            assertEquals("no findings recorded", shown(wb.getSheet("Findings"), 2, 0));
            assertEquals("no claim lines this month", shown(wb.getSheet("Claim Lines"), 3, 0));
            assertEquals("not assessed", shown(wb.getSheet("Specialty Alignment"), 2, 2));
            XSSFSheet profile = wb.getSheet("Coding Profile");
            assertTrue(rowStartingWith(profile, "no peer comparison recorded") > 0);
            assertTrue(profile.getDrawingPatriarch() == null || profile.getDrawingPatriarch().getCharts().isEmpty());
        }
    }

    @Test
    void everyEngineWritesTheSameCells() throws IOException {
        try (Workbook hybrid = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID);
             Workbook streamed = render(Dossiers.full(), DossierWorkbook.Engine.STREAMED);
             Workbook xssf = render(Dossiers.full(), DossierWorkbook.Engine.XSSF)) {
            assertEquals(Cells.dump(xssf, null), Cells.dump(hybrid, null));
            assertEquals(Cells.dump(xssf, null), Cells.dump(streamed, null));
        }
    }

    @Test
    void columnWidthsFollowTheText() throws IOException {
        try (Workbook wb = render(Dossiers.full(), DossierWorkbook.Engine.HYBRID)) {
            Sheet findings = wb.getSheet("Findings");
            assertTrue(findings.getColumnWidth(3) <= 50 * 256, "long messages are capped and wrap");
            assertEquals(TextMetrics.widthUnits(TextMetrics.width("SPECIALTY-UNDECLARED", false, 10)),
                    findings.getColumnWidth(2), "the longest rule id, measured in the font");
        }
    }

    private static int rowWith(Sheet sheet, int column, String text) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            if (text.equals(shown(sheet, r, column))) {
                return r;
            }
        }
        throw new AssertionError(text + " not in column " + column + " of " + sheet.getSheetName());
    }

    private static String fill(Sheet sheet, int row, int column) {
        XSSFCellStyle style = (XSSFCellStyle) cell(sheet, row, column).getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? "" : style.getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    @Test
    void peerTableShowsComparedMetricsFirstAndLeavesPerCodeDetailToItsOwnTables() {
        List<ProviderMetric> shown = CodingProfileSheet.keyMetrics(List.of(
                new ProviderMetric("1234567893", "lines", 120.0, null, null, null, null),
                new ProviderMetric("1234567893", "code:90834", 40.0, null, null, null, null),
                new ProviderMetric("1234567893", "band:90834:38-52", 38.0, null, null, null, null),
                new ProviderMetric("1234567893", "evidence:trauma", 0.2, null, null, null, null),
                new ProviderMetric("1234567893", "share-90837", 0.62, "social workers", 40, 0.35, 0.55)));
        assertEquals(List.of("share-90837", "lines"), shown.stream().map(ProviderMetric::id).toList());
    }
}
