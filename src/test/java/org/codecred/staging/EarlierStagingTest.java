package org.codecred.staging;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A month's rows staged in the database by an earlier version are found, and named for the operator. */
class EarlierStagingTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private final JdbcTemplate database = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:hsqldb:mem:earlier" + System.nanoTime(), "SA", ""));

    EarlierStagingTest() {
        new StagingSchema(database).create();
    }

    @Test
    void aMonthWithNothingInTheDatabaseTablesHasNothingLeft() {
        new ClaimLineTable(database).insert(MONTH.minusMonths(1), List.of(line())); // another month's

        assertThat(new EarlierStaging(database).leftInDatabase(MONTH)).isEmpty();
    }

    @Test
    void claimLinesAndMetricsStagedInTheDatabaseAreNamed() {
        new ClaimLineTable(database).insert(MONTH, List.of(line()));
        EarlierStaging earlier = new EarlierStaging(database);
        assertThat(earlier.leftInDatabase(MONTH)).contains("claim lines");

        database.update("INSERT INTO codecred.provider_metric (month, npi, metric_id, metric_value) VALUES (?, ?, ?, ?)",
                MONTH.toString(), "1234567893", "lines", 1.0);
        assertThat(earlier.leftInDatabase(MONTH)).contains("claim lines and provider metrics");
    }

    private static ClaimLine line() {
        return new ClaimLine("a.csv", 2, "C-1", 1, "1234567893", null, "MBR1", null, LocalDate.of(2026, 10, 6),
                "90834", List.of(), 1, 45, List.of("F41.1"), "11", new BigDecimal("140.00"), true, "1", null);
    }
}
