package org.codecred.staging;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-based reads over the month's claim lines answer the same in both stores: the database and the staging engine. */
class ClaimLineTableTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String NPI = "1234567893";
    private static final String BILLING = "1588667638";

    @TempDir
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ClaimLineTable table(String store) {
        if (store.equals("engine")) {
            StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"));
            open.add(engine);
            return new ClaimLineTable(engine);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:lines" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        return new ClaimLineTable(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "database"})
    void claimsToResolveAreTheAdjustedClaimsWholeAndElsewhereOnlyTheRepeatedLineNumbers(String store) {
        ClaimLineTable lines = table(store);
        lines.insert(MONTH, List.of(
                line("a.csv", 2, "CLEAN", 1, null, "1"),
                line("a.csv", 3, "CLEAN", 2, null, "1"),
                line("a.csv", 4, "REPEATED", 1, null, "1"),
                line("a.csv", 5, "REPEATED", 2, null, "1"),
                line("b.csv", 2, "REPEATED", 1, null, "1"), // line 1 read twice: only these two lines
                line("a.csv", 6, "ADJUSTED", 1, BILLING, "1"),
                line("a.csv", 7, "ADJUSTED", 2, BILLING, "1"),
                line("b.csv", 3, "ADJUSTED", 1, BILLING, "7"), // a replacement: the whole claim
                line("b.csv", 4, "ADJUSTED", 1, null, "1"), // same claim id, another billing key: another claim
                line("b.csv", 5, "OTHER", 1, BILLING, "1")));
        lines.insert(YearMonth.of(2026, 9), List.of(line("a.csv", 2, "CLEAN", 1, null, "7"),
                line("a.csv", 3, "CLEAN", 1, null, "1")));

        List<List<String>> claims = lines.claimsToResolve(MONTH).stream()
                .map(claim -> claim.stream().sorted(java.util.Comparator.comparing(ClaimLine::sourceFile)
                        .thenComparingLong(ClaimLine::lineNumber)).map(l -> l.claimId() + "@" + l.sourceFile() + ":"
                        + l.lineNumber()).toList()).toList();

        assertThat(claims).as("by billing key, then claim id").containsExactly(
                List.of("REPEATED@a.csv:4", "REPEATED@b.csv:2"),
                List.of("ADJUSTED@a.csv:6", "ADJUSTED@a.csv:7", "ADJUSTED@b.csv:3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "database"})
    void aMonthOfCleanLinesHasNoClaimToResolveAndLinesThatCountNowhereAreLeftOut(String store) {
        ClaimLineTable lines = table(store);
        lines.insert(MONTH, List.of(line("a.csv", 2, "C1", 1, null, "1"), line("a.csv", 3, "C2", 1, null, "1")));
        assertThat(lines.claimsToResolve(MONTH)).isEmpty();

        lines.setStatus(MONTH, List.of(line("a.csv", 2, "C1", 1, null, "1")), ClaimLine.LineStatus.SUPERSEDED);
        lines.insert(MONTH, List.of(line("b.csv", 2, "C1", 1, null, "1")));
        assertThat(lines.claimsToResolve(MONTH)).as("a superseded line is no repeat").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "database"})
    void eachLineReadsBackAsItWasStagedWhateverIsMissingInEncounterOrder(String store) {
        ClaimLineTable lines = table(store);
        ClaimLine full = new ClaimLine("b.csv", 9, "C-9 ü", 3, NPI, BILLING, "MBR2", LocalDate.of(1980, 4, 2),
                LocalDate.of(2026, 10, 7), "96131", List.of("GT", "95"), 2, 60, List.of("F41.1", "Z63.0"), "02",
                new BigDecimal("1234.50"), true, "7", null);
        ClaimLine bare = new ClaimLine("a.csv", 2, "C-2", 1, NPI, null, "MBR1", null, LocalDate.of(2026, 10, 7),
                "90834", List.of(), 1, null, List.of(), null, null, false, "1", null);
        ClaimLine earlier = new ClaimLine("c.csv", 4, "C-4", 1, NPI, null, "MBR3", null, LocalDate.of(2026, 10, 1),
                "90791", List.of(), 1, 50, List.of("F32.9"), "11", new BigDecimal("90.00"), true, "1", null);
        ClaimLine other = line("a.csv", 3, "C-3", 1, null, "1");
        ClaimLine another = new ClaimLine("a.csv", 5, "C-5", 1, "1497758544", null, "MBR1", null,
                LocalDate.of(2026, 10, 2), "90834", List.of(), 1, 45, List.of("F41.1"), "11", null, true, "1", null);
        lines.insert(MONTH, List.of(full, bare, earlier, other, another));
        lines.setStatus(MONTH, List.of(other), ClaimLine.LineStatus.SUPERSEDED);

        List<ClaimLine> read = new ArrayList<>();
        lines.forEachLineOf(MONTH, List.of(NPI, "1497758544"), read::add);

        assertThat(read).as("counted lines only, by NPI, date, member").containsExactly(earlier, bare, full, another);
        assertThat(lines.ofProviders(MONTH, List.of(NPI)).get(NPI)).as("every line, counted or not")
                .containsExactly(earlier, withStatus(other, ClaimLine.LineStatus.SUPERSEDED), bare, full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "database"})
    void aSliceOfNpisReadsTheirLinesOnlyNotThoseOfAnotherNpiBetweenThem(String store) {
        ClaimLineTable lines = table(store);
        String low = "1003000126";
        String between = NPI; // 1234567893
        String high = "1497758544";
        List<ClaimLine> staged = new ArrayList<>();
        for (String npi : List.of(high, between, low)) {
            staged.add(new ClaimLine("a.csv", staged.size() + 2, "C-" + npi, 1, npi, null, "MBR1", null,
                    LocalDate.of(2026, 10, 2), "90834", List.of(), 1, 45, List.of("F41.1"), "11", null, true, "1", null));
        }
        lines.insert(MONTH, staged);

        List<String> read = new ArrayList<>();
        lines.forEachLineOf(MONTH, List.of(high, low), line -> read.add(line.renderingNpi()));

        assertThat(read).containsExactly(low, high);
    }

    private static ClaimLine withStatus(ClaimLine l, ClaimLine.LineStatus status) {
        return new ClaimLine(l.sourceFile(), l.lineNumber(), l.claimId(), l.lineNo(), l.renderingNpi(), l.billingNpi(),
                l.memberId(), l.memberDob(), l.serviceDate(), l.procedureCode(), l.modifiers(), l.units(), l.minutes(),
                l.diagnosisCodes(), l.placeOfService(), l.charge(), l.minutesColumnPresent(), l.claimFrequency(), status);
    }

    static ClaimLine line(String file, long lineNumber, String claimId, int lineNo, String billing, String frequency) {
        return new ClaimLine(file, lineNumber, claimId, lineNo, NPI, billing, "MBR1", null, LocalDate.of(2026, 10, 6),
                "90834", List.of(), 1, 45, List.of("F41.1"), "11", new BigDecimal("140.00"), true, frequency, null);
    }
}
