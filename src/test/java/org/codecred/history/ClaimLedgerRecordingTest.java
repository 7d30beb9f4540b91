package org.codecred.history;

import org.codecred.alignment.MetricTable;
import org.codecred.domain.ClaimContent;
import org.codecred.domain.ClaimLine;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.StagingEngine;
import org.codecred.staging.StagingSchema;
import org.codecred.verdict.VerdictTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim ledger as recordHistory writes it: read in claim order and digested on a second thread
 * while the step's own thread inserts. Every counted line once, with the digest its content and the
 * member's keyed hash give, from either store of the claim lines; a failure on either thread fails
 * the recording and leaves no reader behind.
 */
class ClaimLedgerRecordingTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String READER = "recordHistory-ledger-reader";

    /** {@code count} lines in arrival order (more than one batch); every seventh superseded (counts nowhere). */
    private static List<ClaimLine> arrivingLines(int count) {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rendering = "12000000" + String.format("%02d", i % 37);
            String billing = i % 5 == 0 ? null : "19000000" + String.format("%02d", i % 3);
            lines.add(new ClaimLine("claims.csv", i + 2, "C" + (9_000_000 - i * 7919 % 100_000), 1 + i % 3, rendering,
                    billing, "MBR" + (i % 4000), null, LocalDate.of(2026, 10, 1 + i % 28), "90834", List.of(), 1, 45,
                    List.of("F41.1"), "11", new BigDecimal("140.00"), true, "1",
                    i % 7 == 0 ? ClaimLine.LineStatus.SUPERSEDED : null));
        }
        return lines;
    }

    @Test
    void holdsEveryCountedLineOnceWithItsDigestWhetherTheLinesAreInTheDatabaseOrTheStagingEngine(@TempDir Path tmp) {
        List<ClaimLine> lines = arrivingLines(6_000);
        MemberKey key = new MemberKey(new byte[32]);
        List<String> expected = lines.stream().filter(l -> l.status() == null)
                .map(l -> row(l.billingKey(), l.claimId(), l.lineNo(), ClaimContent.digest(l, key.hash(l.memberId()))))
                .sorted().toList();

        JdbcTemplate database = database();
        ClaimLineTable inDatabase = new ClaimLineTable(database);
        inDatabase.insert(MONTH, lines);
        assertThat(ledgerOf(database, inDatabase, key)).isEqualTo(expected);

        try (StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"))) {
            JdbcTemplate history = database();
            ClaimLineTable inEngine = new ClaimLineTable(engine);
            inEngine.insert(MONTH, lines);
            assertThat(ledgerOf(history, inEngine, key)).isEqualTo(expected);

            ClaimLedgerTable ledger = new HistoryTables(history).claims;
            ClaimLine counted = lines.get(1);
            assertThat(ledger.counted(counted.billingKey(), counted.claimId(), MONTH)).isTrue();
            assertThat(ledger.latestBefore(counted.billingKey(), counted.claimId(), MONTH.plusMonths(1))).contains(MONTH);
            assertThat(ledger.latestBefore(counted.billingKey(), counted.claimId(), MONTH)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aLedgerLeftByAKilledRecordingIsNotSeenUntilItsMonthCompletes() {
        JdbcTemplate jdbc = database();
        ClaimLineTable lines = new ClaimLineTable(jdbc);
        List<ClaimLine> arriving = arrivingLines(6_000);
        lines.insert(MONTH, arriving);
        recorder(jdbc, lines, new MemberKey(new byte[32])).record(MONTH, LocalDateTime.of(2026, 11, 2, 8, 0));
        ClaimLedgerTable ledger = new HistoryTables(jdbc).claims;
        ClaimLine counted = arriving.get(1);
        assertThat(ledger.counted(counted.billingKey(), counted.claimId(), MONTH)).isTrue();

        // the ledger commits in batches before the completion row: a kill in between leaves rows of a month not completed
        jdbc.update("DELETE FROM codecred.history_run WHERE history_month = ?", MONTH.toString());
        assertThat(ledger.rows(MONTH)).isPositive();
        assertThat(ledger.counted(counted.billingKey(), counted.claimId(), MONTH)).isFalse();
        assertThat(ledger.latestBefore(counted.billingKey(), counted.claimId(), MONTH.plusMonths(1))).isEmpty();
    }

    @Test
    void aFailureOfTheReaderFailsTheRecordingWithItsOwnException(@TempDir Path tmp) throws Exception {
        JdbcTemplate jdbc = database();
        ClaimLineTable lines = new ClaimLineTable(jdbc);
        lines.insert(MONTH, arrivingLines(6_000)); // no diagnostic evaluation: the reader hashes the first member
        Path damaged = tmp.resolve("damaged.key");
        Files.writeString(damaged, HexFormat.of().formatHex(new byte[20]));

        assertThatThrownBy(() -> recorder(jdbc, lines, new MemberKey(damaged)).record(MONTH, LocalDateTime.now()))
                .isInstanceOf(HistoryIntegrityException.class).hasMessageContaining("cut short");
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void aFailureOfTheWriterStopsTheReaderWaitingOnAFullQueue() {
        JdbcTemplate jdbc = database();
        ClaimLineTable lines = new ClaimLineTable(jdbc);
        List<ClaimLine> arriving = new ArrayList<>(arrivingLines(27_000)); // more than the reader may read ahead
        ClaimLine first = new ClaimLine("claims.csv", 100_000, "A1", 1, "1200000001", null, "MBR1", null,
                LocalDate.of(2026, 10, 1), "90834", List.of(), 1, 45, List.of("F41.1"), "11", null, true);
        // the same line twice (resolveClaims would have taken the repeat out): the ledger refuses it, as its row key did
        arriving.add(first);
        arriving.add(new ClaimLine("other.csv", 7, "A1", 1, "1200000001", null, "MBR1", null,
                LocalDate.of(2026, 10, 1), "90834", List.of(), 1, 45, List.of("F41.1"), "11", null, true));
        lines.insert(MONTH, arriving);

        assertThatThrownBy(() -> recorder(jdbc, lines, new MemberKey(new byte[32])).record(MONTH, LocalDateTime.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(readerAlive()).isFalse();
    }

    private static List<String> ledgerOf(JdbcTemplate history, ClaimLineTable lines, MemberKey key) {
        HistoryRecorder.Recorded recorded = recorder(history, lines, key).record(MONTH, LocalDateTime.of(2026, 11, 2, 8, 0));
        List<String> rows = new HistoryTables(history).claims.entries(MONTH).stream()
                .map(e -> row(e.billingKey(), e.claimId(), e.lineNo(), e.contentDigest())).sorted().toList();
        assertThat(recorded.ledgerLines()).isEqualTo(rows.size());
        return rows;
    }

    private static HistoryRecorder recorder(JdbcTemplate jdbc, ClaimLineTable lines, MemberKey key) {
        return new HistoryRecorder(new HistoryTables(jdbc), new VerdictTable(jdbc), new FindingTable(jdbc),
                new MetricTable(jdbc), lines, key, 24, List.of("90791", "90792"), Runnable::run);
    }

    private static JdbcTemplate database() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:ledger" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        return jdbc;
    }

    private static String row(String billing, String claimId, int lineNo, long digest) {
        return billing.trim() + "|" + claimId + "|" + lineNo + "|" + digest;
    }

    /** Whether a ledger reader still runs (it is joined before record returns or throws). */
    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(READER) && t.isAlive());
    }
}
