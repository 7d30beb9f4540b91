package org.codecred.history;

import org.codecred.staging.StagingSchema;
import org.codecred.testing.EarlierSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim ledger's layout since V9: blocks of one billing key's lines, keyed by (month, billing key,
 * block number). Its two lookups find a claim month by month through the completed months, in the
 * blocks whose claim range covers it, and a ledger of one row per line (V4 to V8) comes into blocks
 * with every line.
 */
class ClaimLedgerTableTest {

    private static final YearMonth JULY = YearMonth.of(2026, 7);
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String BILLING = "1900000001";
    private static final String OTHER_BILLING = "1900000002";
    private static final String GROUP = "1900000003";

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
        assertThat(ledger.rows(JULY)).isEqualTo(4);
        assertThat(ledger.rows(SEPTEMBER)).as("lines of a month not completed are there").isEqualTo(1);
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
    void aBillingKeyOfManyBlocksFindsEachClaimWhateverOrderItsLinesCameIn() {
        JdbcTemplate jdbc = database();
        new StagingSchema(jdbc).create();
        ClaimLedgerTable ledger = new HistoryTables(jdbc).claims;
        // the lines in an order other than Java's (as another collation hands them): the blocks' ranges overlap
        List<ClaimLedgerTable.Entry> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(new ClaimLedgerTable.Entry(GROUP, (i % 2 == 0 ? "g" : "G") + (i * 7919 % 3_000), 1, i));
        }
        lines.sort(Comparator.comparing(e -> e.claimId().toLowerCase(java.util.Locale.ROOT)));
        ledger.insert(JULY, lines);
        ledger.insert(AUGUST, lines.subList(0, 1_000));
        new HistoryTables(jdbc).runs.insert(JULY, LocalDateTime.of(2026, 8, 2, 6, 0), 1, 3_000);
        new HistoryTables(jdbc).runs.insert(AUGUST, LocalDateTime.of(2026, 9, 2, 6, 0), 1, 1_000);

        assertThat(ledger.blocks(JULY)).isEqualTo((3_000 + LedgerBlock.MAX_LINES - 1) / LedgerBlock.MAX_LINES);
        assertThat(ledger.rows(JULY)).isEqualTo(3_000);
        assertThat(ledger.entries(JULY)).containsExactlyInAnyOrderElementsOf(lines);
        for (ClaimLedgerTable.Entry line : lines) {
            assertThat(ledger.counted(GROUP, line.claimId(), JULY)).as(line.claimId()).isTrue();
        }
        assertThat(ledger.latestBefore(GROUP, lines.get(10).claimId(), OCTOBER)).contains(AUGUST);
        assertThat(ledger.latestBefore(GROUP, lines.get(2_000).claimId(), OCTOBER)).contains(JULY);
        assertThat(ledger.counted(GROUP, "g3001", JULY)).isFalse();
        assertThat(ledger.counted(GROUP, "G", JULY)).isFalse();
    }

    @Test
    void aLedgerOfOneRowPerLineComesIntoBlocksWithEveryLine() {
        JdbcTemplate jdbc = database();
        // the schema as a release of V8 left it, with a ledger of one row per line for three months
        EarlierSchema.migrateTo(jdbc, "8");
        List<ClaimLedgerTable.Entry> july = new ArrayList<>(List.of(new ClaimLedgerTable.Entry(BILLING, "C1", 1, 11L),
                new ClaimLedgerTable.Entry(BILLING, "C1", 2, 12L), new ClaimLedgerTable.Entry(BILLING, "C2", 1, 21L),
                new ClaimLedgerTable.Entry(OTHER_BILLING, "C1", 1, -5L)));
        for (int i = 0; i < 1_000; i++) {
            july.add(new ClaimLedgerTable.Entry(GROUP, "K\u00e9\uD83D\uDE00" + i, 1 + i % 2, i * 31L));
        }
        insertFormer(jdbc, JULY, july);
        insertFormer(jdbc, AUGUST, List.of(new ClaimLedgerTable.Entry(BILLING, "C1", 1, 13L),
                new ClaimLedgerTable.Entry(BILLING, "C1", 2, 12L)));
        insertFormer(jdbc, SEPTEMBER, List.of(new ClaimLedgerTable.Entry(BILLING, "C3", 1, 31L)));
        HistoryRunTable runs = new HistoryTables(jdbc).runs;
        runs.insert(JULY, LocalDateTime.of(2026, 8, 2, 6, 0), 3, july.size());
        runs.insert(AUGUST, LocalDateTime.of(2026, 9, 2, 6, 0), 2, 2);

        new StagingSchema(jdbc).create();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'CODECRED'"
                + " AND table_name = 'HISTORY_CLAIM_LEDGER'", Integer.class)).as("the former table is gone").isZero();
        ClaimLedgerTable ledger = new HistoryTables(jdbc).claims;
        assertThat(ledger.entries(JULY)).containsExactlyInAnyOrderElementsOf(july);
        assertThat(ledger.rows(JULY)).isEqualTo(july.size());
        assertThat(ledger.blocks(JULY)).isEqualTo(2 + (1_000 + LedgerBlock.MAX_LINES - 1) / LedgerBlock.MAX_LINES);
        assertThat(ledger.entries(SEPTEMBER)).containsExactly(new ClaimLedgerTable.Entry(BILLING, "C3", 1, 31L));
        assertThat(ledger.latestBefore(BILLING, "C1", OCTOBER)).contains(AUGUST);
        assertThat(ledger.latestBefore(BILLING, "C2", OCTOBER)).contains(JULY);
        assertThat(ledger.latestBefore(GROUP, "K\u00e9\uD83D\uDE00" + 999, OCTOBER)).contains(JULY);
        assertThat(ledger.counted(BILLING, "C2", AUGUST)).isFalse();
        assertThat(ledger.counted(BILLING, "C3", SEPTEMBER)).as("September never completed").isFalse();
        assertThat(ledger.latestBefore(BILLING, "C3", OCTOBER)).isEmpty();
        // and the blocks take the next months' lines as recordHistory writes them
        ledger.insert(OCTOBER, List.of(new ClaimLedgerTable.Entry(BILLING, "C4", 1, 41L)));
        assertThat(ledger.rows(OCTOBER)).isEqualTo(1);
    }

    private static void insertFormer(JdbcTemplate jdbc, YearMonth month, List<ClaimLedgerTable.Entry> lines) {
        jdbc.batchUpdate("INSERT INTO codecred.history_claim_ledger (history_month, billing_npi, claim_id, line_no,"
                + " content_digest) VALUES (?, ?, ?, ?, ?)", lines, lines.size(), (ps, e) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, e.billingKey());
                    ps.setString(3, e.claimId());
                    ps.setInt(4, e.lineNo());
                    ps.setLong(5, e.contentDigest());
                });
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

    private static JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:ledger-table" + System.nanoTime(), "SA", ""));
    }
}
