package org.codecred.staging;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * forEachEncounterLineOf gives the lines forEachLineOf gives, in the same order, with the same encounter
 * fields (what alignSpecialties' metrics read), in the database and in the staging engine.
 */
class EncounterLinesTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final List<String> NPIS = List.of("1200000001", "1300000002");

    @TempDir
    Path tmp;

    @Test
    void theDatabaseGivesTheEncounterFieldsOfTheSameLinesInTheSameOrder() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:encounters" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        assertSameEncounters(new ClaimLineTable(jdbc));
    }

    @Test
    void theStagingEngineGivesTheEncounterFieldsOfTheSameLinesInTheSameOrder() {
        try (StagingEngine engine = StagingEngine.open(tmp.resolve("staging.duckdb"))) {
            assertSameEncounters(new ClaimLineTable(engine));
        }
    }

    private static void assertSameEncounters(ClaimLineTable table) {
        LocalDate day = LocalDate.of(2026, 10, 9);
        // arrival order; one visit of two lines in two files; nulls in every nullable encounter column; a line that
        // does not count
        table.insert(MONTH, List.of(
                line("b.csv", 7, "1300000002", "M2", day, LocalDate.of(1990, 2, 28), "90837", List.of("95", "GT"), 55,
                        List.of("F43.10", "Z63.0"), "10", true),
                line("a.csv", 3, "1200000001", "M1", day.plusDays(1), null, "90834", List.of(), null, List.of(), null, false),
                line("a.csv", 9, "1300000002", "M2", day, null, "90785", List.of(), null, List.of("F43.10"), "11", true),
                line("a.csv", 4, "1300000002", "M1", day.minusDays(2), LocalDate.of(2015, 6, 1), "99214", List.of("25"), 30,
                        List.of("F90.0"), "11", true),
                line("a.csv", 5, "1400000003", "M9", day, null, "90834", List.of(), 45, List.of("F41.1"), "11", true)));
        table.setStatus(MONTH, List.of(line("a.csv", 3, "1200000001", "M1", day.plusDays(1), null, "90834", List.of(), null,
                List.of(), null, false)), ClaimLine.LineStatus.SUPERSEDED);
        List<ClaimLine> whole = new ArrayList<>();
        table.forEachLineOf(MONTH, NPIS, whole::add);
        List<ClaimLine> encounters = new ArrayList<>();
        table.forEachEncounterLineOf(MONTH, NPIS, encounters::add);
        assertThat(whole).hasSize(3); // the superseded line and the NPI not asked for are left out
        assertThat(encounters.stream().map(EncounterLinesTest::encounter).toList())
                .isEqualTo(whole.stream().map(EncounterLinesTest::encounter).toList());
    }

    /** The fields forEachEncounterLineOf promises. */
    private static List<Object> encounter(ClaimLine l) {
        return java.util.Arrays.asList(l.renderingNpi(), l.memberId(), l.memberDob(), l.serviceDate(), l.procedureCode(),
                l.modifiers(), l.minutes(), l.diagnosisCodes(), l.placeOfService(), l.minutesColumnPresent());
    }

    private static ClaimLine line(String file, long lineNumber, String npi, String member, LocalDate date, LocalDate dob,
                                  String code, List<String> modifiers, Integer minutes, List<String> dx, String pos,
                                  boolean minutesColumn) {
        return new ClaimLine(file, lineNumber, "C" + lineNumber, 1, npi, "1999999999", member, dob, date, code, modifiers,
                1, minutes, dx, pos, new BigDecimal("140.00"), minutesColumn);
    }
}
