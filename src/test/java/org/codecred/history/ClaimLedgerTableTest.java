package org.codecred.history;

import org.codecred.staging.StagingSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim ledger's layout since V7: one index, its primary key led by the month. Its two lookups
 * find a claim month by month through the completed months, and a ledger written under V4's two
 * indexes keeps every row when the second one goes.
 */
class ClaimLedgerTableTest {

    private static final YearMonth JULY = YearMonth.of(2026, 7);
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String BILLING = "1900000001";
    private static final String OTHER_BILLING = "1900000002";

    @Test
    void aClaimIsFoundInTheLatestCompletedMonthThatCountedIt() {
        JdbcTemplate jdbc = database();
        new StagingSchema(jdbc).create();
        ClaimLedgerTable ledger = new HistoryTables(jdbc).claims;
        write(jdbc, ledger);

        assertThat(ledger.counted(BILLING, "C1", JULY)).isTrue();
        assertThat(ledger.counted(BILLING, "C1", AUGUST)).isTrue();
        assertThat(ledger.latestBefore(BILLING, "C1", OCTOBER)).contains(AUGUST);
        assertThat(ledger.latestBefore(BILLING, "C1", AUGUST)).contains(JULY);
        // C2 only in July: August, completed without it, is passed over
        assertThat(ledger.latestBefore(BILLING, "C2", OCTOBER)).contains(JULY);
        assertThat(ledger.latestBefore(OTHER_BILLING, "C1", OCTOBER)).contains(JULY);
    }

    @Test
    void aClaimNoCompletedMonthCountedIsNotFound() {
        JdbcTemplate jdbc = database();
        new StagingSchema(jdbc).create();
        ClaimLedgerTable ledger = new HistoryTables(jdbc).claims;
        write(jdbc, ledger);

        assertThat(ledger.counted(BILLING, "C2", AUGUST)).as("August did not count C2").isFalse();
        assertThat(ledger.counted(BILLING, "C9", JULY)).as("no month counted C9").isFalse();
        assertThat(ledger.counted(OTHER_BILLING, "C2", JULY)).as("C2 of another billing NPI").isFalse();
        assertThat(ledger.latestBefore(BILLING, "C9", OCTOBER)).isEmpty();
        assertThat(ledger.latestBefore(BILLING, "C1", JULY)).as("nothing before the first month").isEmpty();
        // September's ledger was written but the month never completed (a killed recording)
        assertThat(ledger.counted(BILLING, "C3", SEPTEMBER)).isFalse();
        assertThat(ledger.latestBefore(BILLING, "C3", OCTOBER)).isEmpty();
    }

    @Test
    void aLedgerWrittenWithTwoIndexesKeepsEveryRowAndAnswersTheSameWithOne() {
        JdbcTemplate jdbc = database();
        // the schema as a release of V6 left it, with its ledger
        Flyway.configure(StagingSchema.class.getClassLoader()).dataSource(jdbc.getDataSource()).schemas("CODECRED")
                .locations("classpath:db/migration").placeholders(Map.of("table_type", "CACHED")).target("6")
                .load().migrate();
        assertThat(indexes(jdbc)).hasSize(2);
        ClaimLedgerTable ledger = new HistoryTables(jdbc).claims;
        write(jdbc, ledger);
        List<Map<String, Object>> before = rows(jdbc);

        new StagingSchema(jdbc).create();

        assertThat(indexes(jdbc)).as("the primary key only").hasSize(1);
        assertThat(rows(jdbc)).hasSize(7).isEqualTo(before);
        assertThat(ledger.latestBefore(BILLING, "C1", OCTOBER)).contains(AUGUST);
        assertThat(ledger.latestBefore(BILLING, "C2", OCTOBER)).contains(JULY);
        assertThat(ledger.counted(BILLING, "C2", AUGUST)).isFalse();
    }

    /** July counts C1 (two lines) and C2 of BILLING and C1 of OTHER_BILLING; August C1; September (not completed) C3. */
    private static void write(JdbcTemplate jdbc, ClaimLedgerTable ledger) {
        ledger.insert(JULY, List.of(new ClaimLedgerTable.Entry(BILLING, "C1", 1, 11L),
                new ClaimLedgerTable.Entry(BILLING, "C1", 2, 12L), new ClaimLedgerTable.Entry(BILLING, "C2", 1, 21L),
                new ClaimLedgerTable.Entry(OTHER_BILLING, "C1", 1, -5L)));
        ledger.insert(AUGUST, List.of(new ClaimLedgerTable.Entry(BILLING, "C1", 1, 13L),
                new ClaimLedgerTable.Entry(BILLING, "C1", 2, 12L)));
        ledger.insert(SEPTEMBER, List.of(new ClaimLedgerTable.Entry(BILLING, "C3", 1, 31L)));
        HistoryRunTable runs = new HistoryTables(jdbc).runs;
        runs.insert(JULY, LocalDateTime.of(2026, 8, 2, 6, 0), 2, 4);
        runs.insert(AUGUST, LocalDateTime.of(2026, 9, 2, 6, 0), 2, 2);
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT * FROM codecred.history_claim_ledger ORDER BY 1, 2, 3, 4, 5");
    }

    private static List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.system_indexinfo"
                + " WHERE table_schem = 'CODECRED' AND table_name = 'HISTORY_CLAIM_LEDGER'", String.class);
    }

    private static JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:ledger-table" + System.nanoTime(), "SA", ""));
    }
}
