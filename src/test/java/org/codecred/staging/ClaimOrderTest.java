package org.codecred.staging;

import org.codecred.domain.ClaimContent;
import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month's counted lines in claim order (billing key, claim id, line number), as the claim ledger
 * is written: every counted line once, none of another month or one that counts nowhere, whether the
 * staging engine sorts them a slice of billing keys at a time or the database a slice of providers.
 */
class ClaimOrderTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final Comparator<ClaimLine> CLAIM_ORDER = Comparator.comparing(ClaimLine::billingKey)
            .thenComparing(ClaimLine::claimId).thenComparingInt(ClaimLine::lineNo);

    /** Arrival order: billing keys, claims and line numbers mixed; every fifth line superseded. */
    private static List<ClaimLine> arriving() {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String rendering = "12000000" + String.format("%02d", i * 7 % 23);
            String billing = i % 3 == 0 ? null : "19000000" + String.format("%02d", i % 11);
            lines.add(new ClaimLine("claims.csv", i + 2, "C" + (i * 37 % 101), 1 + i % 4, rendering, billing, "MBR" + i,
                    i % 2 == 0 ? null : LocalDate.of(1980, 1, 1 + i % 28), LocalDate.of(2026, 10, 1 + i % 28), "90834",
                    i % 4 == 0 ? List.of("GT", "95") : List.of(), 1 + i % 2, i % 6 == 0 ? null : 45,
                    i % 9 == 0 ? List.of() : List.of("F41.1", "Z63.0"), i % 8 == 0 ? null : "11",
                    i % 10 == 0 ? null : new BigDecimal("140.00"), true, i % 7 == 0 ? "7" : "1",
                    i % 5 == 0 ? ClaimLine.LineStatus.SUPERSEDED : null));
        }
        return lines;
    }

    @Test
    void theStagingEngineHandsEveryCountedLineInClaimOrderAcrossItsSlices(@TempDir Path tmp) {
        List<ClaimLine> lines = arriving();
        try (StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"))) {
            ClaimLineTable table = new ClaimLineTable(engine);
            table.insert(MONTH, lines);
            table.insert(MONTH.minusMonths(1), lines.subList(0, 50));
            for (long slice : new long[] {1, 37, 1_000_000}) {
                List<ClaimLine> read = new ArrayList<>();
                table.forEachCountedLineInClaimOrder(MONTH, slice, read::add);
                assertThat(read).as("slices of %d lines", slice).isSortedAccordingTo(CLAIM_ORDER)
                        .containsExactlyInAnyOrderElementsOf(lines.stream().filter(l -> l.status() == null).toList());
            }
        }
    }

    /**
     * The ledger's reader: the same lines in the same order with what a content digest is taken over
     * (so the same digests), the rest left empty.
     */
    @Test
    void theStagingEngineHandsTheContentOfEveryCountedLineInClaimOrder(@TempDir Path tmp) {
        List<ClaimLine> lines = arriving();
        try (StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"))) {
            ClaimLineTable table = new ClaimLineTable(engine);
            table.insert(MONTH, lines);
            table.insert(MONTH.minusMonths(1), lines.subList(0, 50));
            for (long slice : new long[] {1, 37, 1_000_000}) {
                List<ClaimLine> whole = new ArrayList<>();
                table.forEachCountedLineInClaimOrder(MONTH, slice, whole::add);
                List<ClaimLine> content = new ArrayList<>();
                table.forEachCountedContentInClaimOrder(MONTH, slice, content::add);
                assertThat(content).as("slices of %d lines", slice).isSortedAccordingTo(CLAIM_ORDER).hasSize(400);
                // lines of one claim and line number may come in either order: compared as sets
                assertThat(content.stream().map(ClaimOrderTest::digested))
                        .containsExactlyInAnyOrderElementsOf(whole.stream().map(ClaimOrderTest::digested).toList());
                assertThat(content).allSatisfy(l -> assertThat(l.sourceFile()).isEmpty());
            }
        }
    }

    private static String digested(ClaimLine line) {
        return line.billingKey() + "|" + line.claimId() + "|" + line.lineNo() + "|" + ClaimContent.digest(line, line.memberId());
    }

    @Test
    void theDatabaseHandsEveryCountedLineInClaimOrder() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:claimorder" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        ClaimLineTable table = new ClaimLineTable(jdbc);
        List<ClaimLine> lines = arriving();
        table.insert(MONTH, lines);

        List<ClaimLine> read = new ArrayList<>();
        table.forEachCountedLineInClaimOrder(MONTH, read::add);
        assertThat(read).isSortedAccordingTo(CLAIM_ORDER)
                .containsExactlyInAnyOrderElementsOf(lines.stream().filter(l -> l.status() == null).toList());
    }
}
