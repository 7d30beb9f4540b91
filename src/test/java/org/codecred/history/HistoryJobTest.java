package org.codecred.history;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.CodeCred;
import org.codecred.dossier.DossierFileName;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three generated months (2026-08..2026-10, see SampleMonthGenerator.generateMonths) run the way an
 * operator might: 2026-10 first (out of order), then the range as a backfill, then 2026-10 forced
 * (now with history before it), then the middle month forced. Asserts the history rows, NEW and
 * REPEAT, the previous verdict and change marker, the new-since list, the History sheet, the
 * diagnostic-evaluation record across the month boundary, and that a forced month replaces only
 * its own rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryJobTest {

    private static final DataFormatter SHOWN = new DataFormatter(Locale.ROOT);

    private Path root;
    private Map<String, String> npiByLastName;
    private String tenFirstSummary;
    private List<String> eightPreviousMonthOnFirstRun;
    private List<String> historyOfOtherMonthsBeforeForce;
    private List<String> historyOfOtherMonthsAfterForce;
    private List<String> septemberRowsBefore;
    private List<String> septemberRowsAfter;
    private List<String> septemberRecordedBefore;
    private List<String> septemberRecordedAfter;

    @BeforeAll
    void runTheMonths(@TempDir Path tmp) throws Exception {
        root = tmp;
        SampleMonthGenerator.generateMonths(YearMonth.of(2026, 8), YearMonth.of(2026, 10), 6, 300, 11, tmp.resolve("input"));
        npiByLastName = new HashMap<>();
        for (String row : Files.readAllLines(tmp.resolve("input/2026-10/roster.csv")).stream().skip(1).toList()) {
            String[] f = row.split(",");
            npiByLastName.putIfAbsent(f[1], f[0]);
        }

        // out of order: the last month first, with no history at all
        assertThat(month("2026-10").run()).isEqualTo(ExitCode.COMPLETED);
        tenFirstSummary = dumpSheet(summary("2026-10"), "Providers") + dumpSheet(summary("2026-10"), "Changes since last month");

        // the backfill: 2026-08 (nothing earlier is completed: 2026-10 is later), 2026-09, and 2026-10 already done
        assertThat(CodeCred.run(System.err, "--months=2026-08..2026-10", "--input=" + tmp.resolve("input"),
                "--output=" + tmp.resolve("output"), "--db=" + month("2026-10").db, "--rules=src/test/resources/rules"))
                .isEqualTo(ExitCode.COMPLETED);
        eightPreviousMonthOnFirstRun = column(summary("2026-08"), "Providers", "Previous verdict");

        // 2026-10 again, forced: now compared with 2026-09
        assertThat(month("2026-10").run("--force")).isEqualTo(ExitCode.COMPLETED);

        // the middle month forced: only its own history rows are replaced
        historyOfOtherMonthsBeforeForce = historyRows("history_month <> '2026-09'");
        septemberRowsBefore = historyRows("history_month = '2026-09'");
        septemberRecordedBefore = month("2026-09").query("SELECT recorded_at FROM codecred.history_run WHERE history_month = '2026-09'");
        assertThat(month("2026-09").run("--force")).isEqualTo(ExitCode.COMPLETED);
        historyOfOtherMonthsAfterForce = historyRows("history_month <> '2026-09'");
        septemberRowsAfter = historyRows("history_month = '2026-09'");
        septemberRecordedAfter = month("2026-09").query("SELECT recorded_at FROM codecred.history_run WHERE history_month = '2026-09'");
    }

    private TestMonth month(String month) {
        return new TestMonth(root, month);
    }

    @Test
    void everyCompletedMonthHasOneSetOfHistoryRows() throws Exception {
        TestMonth db = month("2026-10");
        assertThat(db.query("SELECT history_month, providers FROM codecred.history_run ORDER BY history_month"))
                .extracting(r -> r.split("\\|")[0]).containsExactly("2026-08", "2026-09", "2026-10");
        for (String m : List.of("2026-08", "2026-09", "2026-10")) {
            long roster = Files.readAllLines(root.resolve("input/" + m + "/roster.csv")).size() - 1;
            List<String> providers = db.query("SELECT COUNT(*), COUNT(DISTINCT npi) FROM codecred.history_provider"
                    + " WHERE history_month = '" + m + "'");
            // the roster holds a few unreadable rows on purpose; every accepted provider has one row, once
            assertThat(providers.get(0).split("\\|")[0]).isEqualTo(providers.get(0).split("\\|")[1]);
            assertThat(Long.parseLong(providers.get(0).split("\\|")[0])).isBetween(roster - 5, roster);
            assertThat(db.query("SELECT COUNT(*) FROM codecred.history_rule WHERE history_month = '" + m + "'").get(0))
                    .isNotEqualTo("0");
            // one row per provider, its metrics a line each (MetricHistoryTable)
            assertThat(db.query("SELECT COUNT(*) FROM codecred.history_metric_values WHERE history_month = '" + m + "'"
                    + " AND metric_values LIKE '%share-90837%'").get(0)).isNotEqualTo("0");
        }
        // per-code counts are the month's detail, not history
        assertThat(db.query("SELECT COUNT(*) FROM codecred.history_metric_values WHERE metric_values LIKE '%code:%'"))
                .containsExactly("0");
        // the month's rule counts equal its findings.csv
        long findings = Files.readAllLines(root.resolve("output/2026-10/findings.csv")).size() - 1;
        assertThat(db.query("SELECT SUM(findings) FROM codecred.history_rule WHERE history_month = '2026-10'"))
                .containsExactly(Long.toString(findings));
    }

    @Test
    void outOfOrderRunsCompareWithTheLatestEarlierCompletedMonth() {
        // 2026-10 run first: nothing to compare with
        assertThat(tenFirstSummary).contains("no earlier completed month").doesNotContain("worse");
        // 2026-08 run after 2026-10: still nothing earlier, so no previous verdicts (not 2026-10's)
        assertThat(eightPreviousMonthOnFirstRun).allMatch(v -> v.equals("none"));
    }

    @Test
    void summaryShowsPreviousVerdictAndTheChangesSinceLastMonth() throws Exception {
        try (Workbook summary = summary("2026-10")) {
            Map<String, String> previous = byNpi(summary, "Previous verdict");
            Map<String, String> change = byNpi(summary, "Change");
            String rasmussen = npiByLastName.get("Rasmussen");
            String munoz = npiByLastName.get("Muñoz");
            // an expiring license is INFO since contract v3: CLEAR the month before it expired
            assertThat(previous.get(rasmussen)).isEqualTo("CLEAR");
            assertThat(change.get(rasmussen)).isEqualTo("worse");
            assertThat(previous.get(munoz)).isEqualTo("CLEAR");
            assertThat(change.get(munoz)).isEqualTo("worse");
            // a provider HOLD in both months is not new
            assertThat(previous.get(npiByLastName.get("Stroud"))).isEqualTo("HOLD");
            assertThat(change.get(npiByLastName.get("Stroud"))).isEmpty();

            Sheet changes = summary.getSheet("Changes since last month");
            assertThat(SHOWN.formatCellValue(changes.getRow(0).getCell(0))).contains("since 2026-09");
            assertThat(rowsOf(changes))
                    .anySatisfy(r -> assertThat(r).contains(munoz, "CLEAR", "HOLD", "worse (towards HOLD)"))
                    .anySatisfy(r -> assertThat(r).contains(rasmussen, "CLEAR", "HOLD", "worse (towards HOLD)"))
                    .noneSatisfy(r -> assertThat(r).contains(npiByLastName.get("Stroud"), "worse (towards HOLD)"))
                    // the rule behind Muñoz's HOLD is newly raised for him, in words
                    .anySatisfy(r -> assertThat(r).startsWith("EXCLUDED-OIG", "Excluded by the OIG (LEIE)")
                            .anySatisfy(cell -> assertThat(cell).contains("newly raised for").contains(munoz)));
        }
    }

    @Test
    void findingsAreNewOrRepeatAgainstThePreviousCompletedMonth() throws Exception {
        try (Workbook munoz = dossier("2026-10", "Muñoz"); Workbook harrow = dossier("2026-10", "Harrow")) {
            assertThat(statusByRule(munoz)).containsEntry("EXCLUDED-OIG", List.of("NEW"));
            Map<String, List<String>> coding = statusByRule(harrow);
            assertThat(coding).isNotEmpty();
            assertThat(coding.values()).allSatisfy(s -> assertThat(s).containsOnly("REPEAT"));
        }
        // in the first month of history everything is NEW
        try (Workbook harrow = dossier("2026-08", "Harrow")) {
            assertThat(statusByRule(harrow).values()).allSatisfy(s -> assertThat(s).containsOnly("NEW"));
        }
    }

    @Test
    void historySheetListsTheCompletedMonthsUpToThisOneWithATrendChart() throws Exception {
        try (XSSFWorkbook harrow = dossier("2026-10", "Harrow")) {
            List<String> names = new ArrayList<>();
            harrow.forEach(s -> names.add(s.getSheetName()));
            assertThat(names.indexOf("History")).isEqualTo(names.indexOf("Claim Lines") + 1);
            XSSFSheet history = harrow.getSheet("History");
            List<String> months = new ArrayList<>();
            for (int r = 2; r <= 4; r++) {
                months.add(SHOWN.formatCellValue(history.getRow(r).getCell(0)));
            }
            assertThat(months).containsExactly("2026-08", "2026-09", "2026-10");
            assertThat(SHOWN.formatCellValue(history.getRow(3).getCell(1))).isEqualTo(month("2026-10").query(
                    "SELECT verdict FROM codecred.history_provider WHERE history_month = '2026-09' AND npi = '"
                            + npiByLastName.get("Harrow") + "'").get(0));
            assertThat(history.getDrawingPatriarch().getCharts()).hasSize(1);
        }
        try (XSSFWorkbook munoz = dossier("2026-10", "Muñoz")) {
            Sheet summary = munoz.getSheet("Summary");
            assertThat(rowsOf(summary)).anySatisfy(r -> assertThat(r).containsExactly("Previous verdict (2026-09)", "CLEAR"));
        }
    }

    @Test
    void forcingTheMiddleMonthReplacesOnlyItsOwnRows() {
        assertThat(historyOfOtherMonthsAfterForce).isEqualTo(historyOfOtherMonthsBeforeForce);
        // the same input gives the same rows, once: rewritten (a new recording time), not added
        assertThat(septemberRowsAfter).isEqualTo(septemberRowsBefore);
        assertThat(septemberRecordedAfter).hasSize(1).isNotEqualTo(septemberRecordedBefore);
    }

    @Test
    void diagnosticEvaluationsAreKeptHashedAndFoundAcrossTheMonthBoundary() throws Exception {
        TestMonth db = month("2026-10");
        String vance = npiByLastName.get("Vance");
        // Vance's planted 90792 is for the same member every month
        List<String> evaluation = db.query("SELECT member_id, service_date FROM codecred.claim_line WHERE month = '2026-10'"
                + " AND rendering_npi = '" + vance + "' AND procedure_code = '90792'");
        assertThat(evaluation).hasSize(1);
        String member = evaluation.get(0).split("\\|")[0];
        LocalDate date = LocalDate.parse(evaluation.get(0).split("\\|")[1]);
        List<String> septemberDates = db.query("SELECT service_date FROM codecred.history_diag_eval"
                + " WHERE history_month = '2026-09' AND npi = '" + vance + "'");
        assertThat(septemberDates).hasSize(1);
        // never the raw id: a 64-hex keyed hash, with its key beside the database
        assertThat(db.query("SELECT COUNT(*) FROM codecred.history_diag_eval WHERE member_hash LIKE '%" + member.substring(3) + "%'"))
                .containsExactly("0");
        assertThat(db.query("SELECT DISTINCT LENGTH(member_hash) FROM codecred.history_diag_eval")).containsExactly("64");
        Path key = MemberKey.besideDatabase(db.db);
        assertThat(key).exists();

        try (Connection c = db.connect()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            DiagnosticEvaluationHistory lookup = new DiagnosticEvaluationHistory(new DiagnosticEvaluationTable(jdbc),
                    new MemberKey(key));
            assertThat(lookup.latest(vance, member, java.util.Set.of("90791", "90792"), date)).contains(LocalDate.parse(septemberDates.get(0)));
            // another member of the same provider has no earlier evaluation
            assertThat(lookup.latest(vance, "MBR-NOT-SEEN", java.util.Set.of("90791", "90792"), date)).isEmpty();
            // seen from a 2026-09 line, only 2026-08 counts: history is read up to the line's month, never after
            Optional<LocalDate> earlier = lookup.latest(vance, member, java.util.Set.of("90791", "90792"), LocalDate.parse(septemberDates.get(0)));
            assertThat(earlier).isPresent();
            assertThat(earlier.get()).isBefore(LocalDate.of(2026, 9, 1));
        }
    }

    // helpers

    private List<String> historyRows(String where) throws Exception {
        TestMonth db = month("2026-10");
        List<String> rows = new ArrayList<>();
        rows.addAll(db.query("SELECT history_month, providers, lines FROM codecred.history_run WHERE " + where + " ORDER BY 1"));
        rows.addAll(db.query("SELECT * FROM codecred.history_provider WHERE " + where + " ORDER BY 1, 2"));
        rows.addAll(db.query("SELECT * FROM codecred.history_rule WHERE " + where + " ORDER BY 1, 2, 3, 4"));
        rows.addAll(db.query("SELECT * FROM codecred.history_metric_values WHERE " + where + " ORDER BY 1, 2"));
        rows.addAll(db.query("SELECT * FROM codecred.history_diag_eval WHERE " + where + " ORDER BY 1, 2, 3, 4, 5"));
        return rows;
    }

    private XSSFWorkbook summary(String month) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(root.resolve("output/" + month + "/credentialing-summary-" + month + ".xlsx")));
    }

    private XSSFWorkbook dossier(String month, String lastName) throws IOException {
        String file = DossierFileName.of(npiByLastName.get(lastName), lastName);
        return new XSSFWorkbook(Files.newInputStream(root.resolve("output/" + month + "/dossiers/" + file)));
    }

    private static List<List<String>> rowsOf(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(SHOWN.formatCellValue(c)));
            rows.add(cells);
        }
        return rows;
    }

    private static String dumpSheet(Workbook workbook, String sheet) throws IOException {
        try (workbook) {
            return rowsOf(workbook.getSheet(sheet)).toString();
        }
    }

    /** The row holding the table's column titles (the sheets open with a title, sometimes a summary line). */
    private static int headerRow(Sheet sheet, String header) {
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 10); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    if (header.equals(SHOWN.formatCellValue(row.getCell(c)))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no table header in " + sheet.getSheetName());
    }

    private static int columnIndex(Sheet sheet, String header) {
        Row row = sheet.getRow(headerRow(sheet, header));
        for (int c = 0; c < row.getLastCellNum(); c++) {
            if (header.equals(SHOWN.formatCellValue(row.getCell(c)))) {
                return c;
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }

    private static List<String> column(Workbook workbook, String sheetName, String header) throws IOException {
        try (workbook) {
            Sheet sheet = workbook.getSheet(sheetName);
            int c = columnIndex(sheet, header);
            List<String> values = new ArrayList<>();
            for (int r = headerRow(sheet, header) + 1; r <= sheet.getLastRowNum(); r++) {
                values.add(sheet.getRow(r) == null ? "" : SHOWN.formatCellValue(sheet.getRow(r).getCell(c)));
            }
            return values;
        }
    }

    private static Map<String, String> byNpi(Workbook summary, String header) {
        Sheet sheet = summary.getSheet("Providers");
        int c = columnIndex(sheet, header);
        int npi = columnIndex(sheet, "NPI");
        Map<String, String> values = new HashMap<>();
        for (int r = headerRow(sheet, header) + 1; r <= sheet.getLastRowNum(); r++) {
            values.put(SHOWN.formatCellValue(sheet.getRow(r).getCell(npi)), SHOWN.formatCellValue(sheet.getRow(r).getCell(c)));
        }
        return values;
    }

    /** Rule id to the Status of each of its findings on the Findings sheet. */
    private static Map<String, List<String>> statusByRule(Workbook dossier) {
        Sheet sheet = dossier.getSheet("Findings");
        int rule = columnIndex(sheet, "Rule");
        int status = columnIndex(sheet, "Status");
        Map<String, List<String>> byRule = new HashMap<>();
        for (int r = headerRow(sheet, "Status") + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(status) != null && !SHOWN.formatCellValue(row.getCell(status)).isEmpty()) {
                byRule.computeIfAbsent(SHOWN.formatCellValue(row.getCell(rule)), k -> new ArrayList<>())
                        .add(SHOWN.formatCellValue(row.getCell(status)));
            }
        }
        return byRule;
    }
}
