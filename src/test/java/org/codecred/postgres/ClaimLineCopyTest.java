package org.codecred.postgres;

import org.codecred.domain.ClaimLine;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.StagingSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Claim lines staged on PostgreSQL go through COPY (CSV form), on HSQLDB through INSERTs: the values
 * that CSV quoting could bend (quotes, commas, line breaks, empty against absent) read back the same
 * from both. The test owns month {@value #MONTH} in the PostgreSQL database.
 */
@Tag("slow")
class ClaimLineCopyTest {

    static final String MONTH = "2025-01";

    @Test
    void awkwardValuesReadBackAsWrittenOnBothDatabases(@TempDir Path tmp) throws Exception {
        List<ClaimLine> lines = List.of(
                line(2, "M\"1, \"quoted\"", List.of("95", "GT"), 53, List.of("F32.1", "F41.1"), "11", new BigDecimal("120.00")),
                line(3, "m,2\nsecond line", List.of(), null, List.of(), null, null),
                line(4, "", List.of("HO"), 0, List.of("Z63.0"), "02", new BigDecimal("0.50")));

        JdbcTemplate hsqldb = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:hsqldb:file:" + tmp.resolve("db") + ";shutdown=true;hsqldb.default_table_type=cached", "SA", ""));
        assertThat(stageAndRead(hsqldb, lines)).isEqualTo(lines);

        JdbcTemplate postgres = new JdbcTemplate(new DriverManagerDataSource(
                PostgresMonthTest.URL, PostgresMonthTest.USER, PostgresMonthTest.PASSWORD));
        serverReachable();
        new StagingSchema(postgres).create(); // a new database has no table yet
        postgres.update("DELETE FROM codecred.claim_line WHERE month = ?", MONTH);
        try {
            assertThat(stageAndRead(postgres, lines)).isEqualTo(lines);
        } finally {
            postgres.update("DELETE FROM codecred.claim_line WHERE month = ?", MONTH);
        }
    }

    private static List<ClaimLine> stageAndRead(JdbcTemplate jdbc, List<ClaimLine> lines) {
        new StagingSchema(jdbc).create();
        ClaimLineTable table = new ClaimLineTable(jdbc);
        table.insert(YearMonth.parse(MONTH), lines);
        return table.ofProvider(YearMonth.parse(MONTH), "1234567893");
    }

    private static ClaimLine line(long lineNumber, String member, List<String> modifiers, Integer minutes,
                                  List<String> diagnoses, String placeOfService, BigDecimal charge) {
        return new ClaimLine("claims, \"a\".csv", lineNumber, "C-" + lineNumber, 1, "1234567893",
                lineNumber == 3 ? null : "1999999999", member, lineNumber == 2 ? LocalDate.of(1980, 2, 29) : null,
                LocalDate.of(2025, 1, (int) lineNumber), "90834", modifiers, 1, minutes, diagnoses, placeOfService,
                charge, minutes != null);
    }

    private static void serverReachable() {
        try (Connection c = DriverManager.getConnection(PostgresMonthTest.URL, PostgresMonthTest.USER, PostgresMonthTest.PASSWORD)) {
            c.isValid(5);
        } catch (SQLException e) {
            abort("no PostgreSQL server at " + PostgresMonthTest.URL + " (run .ci/postgres-setup.sh): " + e.getMessage());
        }
    }
}
