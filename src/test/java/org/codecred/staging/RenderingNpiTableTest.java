package org.codecred.staging;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The month's rendering-NPI list, staged once after the load, says what grouping the month's lines says. */
class RenderingNpiTableTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void stagesEachNpiWithItsLineCountAndDatesForItsMonthOnlyAndAgainWithoutDoubling() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:npis" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        ClaimLineTable lines = new ClaimLineTable(jdbc);
        // arrival order, not NPI order
        lines.insert(MONTH, List.of(
                line(2, "1300000002", LocalDate.of(2026, 10, 20)),
                line(3, "1200000001", LocalDate.of(2026, 10, 9)),
                line(4, "1300000002", LocalDate.of(2026, 10, 3)),
                line(5, "1200000001", LocalDate.of(2026, 10, 9)),
                line(6, "1300000002", LocalDate.of(2026, 10, 11))));
        lines.insert(YearMonth.parse("2026-09"), List.of(line(2, "1100000000", LocalDate.of(2026, 9, 1))));
        RenderingNpiTable table = new RenderingNpiTable(jdbc, lines);

        assertThat(table.stage(MONTH)).isEqualTo(2);
        assertThat(table.stage(MONTH)).isEqualTo(2);

        assertThat(table.npis(MONTH)).containsExactly("1200000001", "1300000002");
        assertThat(table.lineCounts(MONTH)).containsExactly(java.util.Map.entry("1200000001", 2L),
                java.util.Map.entry("1300000002", 3L));
        assertThat(table.unrostered(MONTH, Set.of())).containsExactly(
                new ClaimLineTable.NpiActivity("1200000001", 2, LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 9)),
                new ClaimLineTable.NpiActivity("1300000002", 3, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 20)));
        assertThat(table.unrostered(MONTH, Set.of("1200000001"))).extracting(ClaimLineTable.NpiActivity::npi)
                .containsExactly("1300000002");
        assertThat(table.npis(YearMonth.parse("2026-09"))).as("another month is staged by its own run").isEmpty();
    }

    private static ClaimLine line(long lineNumber, String npi, LocalDate date) {
        return new ClaimLine("claims.csv", lineNumber, "C" + lineNumber, 1, npi, null, "MBR" + lineNumber, null, date,
                "90834", List.of(), 1, 45, List.of("F41.1"), "11", new BigDecimal("140.00"), true);
    }
}
