package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.Provider;
import org.codecred.domain.Verdict;
import org.codecred.history.MonthHistory;
import org.codecred.verdict.ProviderVerdict;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary workbook as the committee's packet, on a hand-made month where verdicts move both
 * ways: the Docket's rows and order, verdict cells holding the word only, the Changes sheet both
 * ways and by rule, Renewals due, Overview with both months.
 */
class SummaryPacketTest {

    private static final DataFormatter SHOWN = new DataFormatter(Locale.ROOT);

    private static Provider provider(String npi, String last, LocalDate expires) {
        return new Provider(npi, last, "Ada", "LCSW", "LC-" + npi.substring(6), "IL", expires, "1041C0700X",
                List.of("trauma"), null, 2);
    }

    private static SummaryWorkbook.ProviderRow row(Provider p, Verdict verdict, String reasons) {
        return new SummaryWorkbook.ProviderRow(p, new ProviderVerdict(p.npi(), verdict, reasons, 40, 0, 1.0, 0, 0, 0),
                40, 0, 0, "");
    }

    /** Made-up month 2026-10 against 2026-09: one provider worse, one better, one HOLD in both, one CLEAR in both. */
    private static XSSFWorkbook write() throws Exception {
        LocalDate later = LocalDate.of(2026, 12, 15);
        Provider excluded = provider("1000000103", "Ames", later);          // CLEAR -> HOLD
        Provider cleared = provider("1000000202", "Bell", LocalDate.of(2028, 1, 1));  // REVIEW -> CLEAR
        Provider held = provider("1000000301", "Cole", later);              // HOLD -> HOLD, same rule
        Provider steady = provider("1000000400", "Dunn", LocalDate.of(2028, 1, 1));   // CLEAR -> CLEAR
        Provider reviewed = provider("1000000509", "Eady", later);          // REVIEW new on roster
        List<SummaryWorkbook.ProviderRow> rows = List.of(
                row(steady, Verdict.CLEAR, "no credential error, no review finding"),
                row(cleared, Verdict.CLEAR, "no credential error, no review finding"),
                row(reviewed, Verdict.REVIEW, "NPPES-MISMATCH (name)"),
                row(excluded, Verdict.HOLD, "EXCLUDED-OIG: on the exclusion list since 2026-07-01"),
                row(held, Verdict.HOLD, "LICENSE-EXPIRED: since 2026-08-31"));
        var comparison = new MonthHistory.Comparison(YearMonth.of(2026, 9),
                Map.of(excluded.npi(), Verdict.CLEAR, cleared.npi(), Verdict.REVIEW, held.npi(), Verdict.HOLD,
                        steady.npi(), Verdict.CLEAR),
                Map.of(cleared.npi(), Set.of("NPPES-MISMATCH"), held.npi(), Set.of("LICENSE-EXPIRED")));
        Map<String, Set<String>> rulesNow = Map.of(excluded.npi(), Set.of("EXCLUDED-OIG", "LICENSE-EXPIRING"),
                held.npi(), Set.of("LICENSE-EXPIRED"), reviewed.npi(), Set.of("NPPES-MISMATCH", "LICENSE-EXPIRING"));
        var facts = new SummaryWorkbook.MonthFacts(new SummaryWorkbook.RunCounts(200, 198, 2, 0, 0), List.of(),
                RunFacts.unknown(null), comparison);
        var docket = Map.of(excluded.npi(), new SummaryMonth.DocketFacts(new BigDecimal("1680.00"),
                List.of("Verify before acting: matched by name and birth date, no NPI")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SummaryWorkbook().write(new SummaryMonth(YearMonth.parse("2026-10"), rows, List.of(), List.of(), facts, rulesNow, docket), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<List<String>> rows(Sheet sheet, int from) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() >= from) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : SHOWN.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void sheetsAreInTheContractsOrder() throws Exception {
        try (XSSFWorkbook wb = write()) {
            assertThat(Cells.sheetNames(wb)).containsExactly("Docket", "Overview", "Providers", "Changes since last month",
                    "Renewals due", "Rules", "Unrostered", "Rejected", "Sources");
        }
    }

    @Test
    void theDocketListsHoldReviewAndChangedProvidersInTriageOrderWithDecisionBoxes() throws Exception {
        try (XSSFWorkbook wb = write()) {
            List<List<String>> docket = rows(wb.getSheet("Docket"), 2);
            assertThat(docket).extracting(r -> r.get(0)).containsExactly("HOLD", "HOLD", "REVIEW", "CLEAR");
            assertThat(docket).extracting(r -> r.get(1)).containsExactly("Ames, Ada, LCSW · NPI 1000000103",
                    "Cole, Ada, LCSW · NPI 1000000301", "Eady, Ada, LCSW · NPI 1000000509", "Bell, Ada, LCSW · NPI 1000000202");
            List<String> ames = docket.get(0);
            assertThat(ames.get(2)).isEqualTo("Excluded by the OIG (LEIE) : on the exclusion list since 2026-07-01"
                    + " — verify before acting (see the dossier)");
            assertThat(ames.get(3)).isEqualTo("1,680.00");
            assertThat(ames.subList(4, 7)).containsExactly("NEW", "CLEAR", DocketSheet.DECISION_BOXES);
            assertThat(docket.get(1).subList(4, 6)).containsExactly("REPEAT", "HOLD");
            assertThat(docket.get(2).subList(4, 6)).containsExactly("NEW", "not on the roster");
            assertThat(DocketSheet.DECISION_BOXES).contains("□ Approve", "□ Deny", "□ Defer", "□ Conditional");
            // the steady CLEAR provider needs no decision
            assertThat(docket).noneSatisfy(r -> assertThat(r.get(1)).contains("Dunn"));
            // signature and date are lines to write on
            Row first = wb.getSheet("Docket").getRow(2);
            assertThat(first.getCell(7).getCellStyle().getBorderBottom()).isNotEqualTo(org.apache.poi.ss.usermodel.BorderStyle.NONE);
            assertThat(first.getCell(8).getCellStyle().getBorderBottom()).isNotEqualTo(org.apache.poi.ss.usermodel.BorderStyle.NONE);
        }
    }

    @Test
    void verdictCellsHoldTheWordOnlyAndTheShapeIsTheirFormat() throws Exception {
        try (XSSFWorkbook wb = write()) {
            for (String name : List.of("Docket", "Providers", "Changes since last month", "Overview")) {
                Sheet sheet = wb.getSheet(name);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            String value = cell.getStringCellValue();
                            assertThat(value).as(name + " " + cell.getAddress()).doesNotStartWith("■").doesNotStartWith("▲")
                                    .doesNotStartWith("●");
                            if (value.equals("HOLD")) {
                                assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("\"■ \"@");
                            }
                        }
                    }
                }
            }
            Sheet providers = wb.getSheet("Providers");
            assertThat(providers.getRow(2).getCell(0).getStringCellValue()).isEqualTo("HOLD");
            assertThat(providers.getRow(2).getCell(5).getStringCellValue()).isEqualTo("CLEAR"); // Ames's previous verdict
        }
    }

    @Test
    void changesListVerdictsMovedBothWaysAndRulesNewlyRaisedOrResolved() throws Exception {
        try (XSSFWorkbook wb = write()) {
            List<List<String>> changes = rows(wb.getSheet("Changes since last month"), 0);
            assertThat(changes.get(0).get(0)).isEqualTo("Changes in 2026-10 since 2026-09: 2 verdicts changed");
            assertThat(changes).anySatisfy(r -> assertThat(r).startsWith("Ames, Ada", "1000000103", "CLEAR", "HOLD",
                    "worse (towards HOLD)"));
            assertThat(changes).anySatisfy(r -> assertThat(r).startsWith("Bell, Ada", "1000000202", "REVIEW", "CLEAR",
                    "better (towards CLEAR)"));
            assertThat(changes).noneSatisfy(r -> assertThat(r).contains("1000000301"));
            assertThat(changes).anySatisfy(r -> assertThat(r).startsWith("EXCLUDED-OIG", "Excluded by the OIG (LEIE)", "1", "0"));
            assertThat(changes).anySatisfy(r -> assertThat(r).startsWith("NPPES-MISMATCH",
                    "NPPES registry disagrees with the roster", "1", "1", "newly raised for 1 provider: Eady, Ada (1000000509);"
                            + " no longer raised for 1 provider: Bell, Ada (1000000202)"));
            assertThat(changes).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo("LICENSE-EXPIRED"));
        }
    }

    @Test
    void renewalsListLicenseExpiringWhateverItsSeverityAndOverviewBothMonths() throws Exception {
        try (XSSFWorkbook wb = write()) {
            List<List<String>> renewals = rows(wb.getSheet("Renewals due"), 2);
            assertThat(renewals).extracting(r -> r.get(1)).containsExactly("1000000103", "1000000509");
            assertThat(renewals.get(0).subList(5, 7)).containsExactly("2026-12-15", "45");
            List<List<String>> overview = rows(wb.getSheet("Overview"), 0);
            assertThat(overview).anySatisfy(r -> assertThat(r).startsWith("HOLD", "2", "1"));
            assertThat(overview).anySatisfy(r -> assertThat(r).startsWith("CLEAR", "2", "2"));
            assertThat(overview).anySatisfy(r -> assertThat(r).startsWith("Verdict", "Providers 2026-10", "Providers 2026-09"));
        }
    }
}
