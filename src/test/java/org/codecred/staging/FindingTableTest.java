package org.codecred.staging;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The finding table keeps the severity a rule gave each finding, and counts coding errors by it. */
class FindingTableTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final String NPI = "1234567893";

    @Test
    void aLowerSeverityIsStoredReadBackAndNotCountedAsACodingError() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:findings" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        FindingTable table = new FindingTable(jdbc);
        Finding error = new Finding(NPI, "C1", 1, LocalDate.of(2026, 10, 1), "90837", RuleId.TIME_UPCODED, "90834",
                "upcoded", "claims.csv", 2L);
        Finding softened = new Finding(NPI, "C2", 1, LocalDate.of(2026, 10, 2), "90837", RuleId.TIME_UPCODED, "90834",
                "upcoded by a minute", "claims.csv", 3L).withSeverity(Severity.WARNING);
        table.insert(MONTH, List.of(error, softened));

        assertThat(table.ofProvider(MONTH, NPI)).containsExactly(error, softened);
        assertThat(table.codingErrorLinesByProvider(MONTH)).containsEntry(NPI, 1L);
        assertThat(table.severityCountsByProvider(MONTH).get(NPI))
                .containsEntry(Severity.ERROR, 1L).containsEntry(Severity.WARNING, 1L).containsEntry(Severity.INFO, 0L);

        table.deleteRules(MONTH, RuleId.ofStage(RuleId.Stage.CODING));
        assertThat(table.ofProvider(MONTH, NPI)).isEmpty();
    }
}
