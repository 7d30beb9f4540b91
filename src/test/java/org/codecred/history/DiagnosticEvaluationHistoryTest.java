package org.codecred.history;

import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.StagingSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earlier evaluations read a range of providers at a time answer exactly as one provider at a time
 * would, wherever a range ends: small ranges cut providers' rows, and one provider has more rows
 * than a whole range.
 */
class DiagnosticEvaluationHistoryTest {

    private static final Set<String> EVALUATIONS = Set.of("90791", "90792");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 5000})
    void everyRangeSizeAnswersAsOneProviderAtATime(int rangeRows) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:evals" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        DiagnosticEvaluationTable table = new DiagnosticEvaluationTable(jdbc);
        MemberKey key = new MemberKey(new byte[32]);
        List<String> npis = List.of("1000000001", "1000000002", "1000000003", "1000000004", "1000000005");
        List<String> members = List.of("M1", "M2", "M3");
        for (YearMonth month : List.of(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10))) {
            List<ClaimLineTable.CodedService> services = new ArrayList<>();
            for (int p = 0; p < npis.size(); p++) {
                if (p == 1) {
                    continue; // a provider without history
                }
                for (int m = 0; m < members.size(); m++) {
                    for (int day = 1; day <= (p == 3 ? 9 : 1 + (p + m) % 2); day++) { // provider 4: more rows than a range
                        services.add(new ClaimLineTable.CodedService(npis.get(p), members.get(m), day % 3 == 0 ? "96130" : "90791",
                                month.atDay(day * 2 + m)));
                    }
                }
            }
            table.insert(month, services, key);
        }
        DiagnosticEvaluationHistory ranges = new DiagnosticEvaluationHistory(table, key, rangeRows);
        for (YearMonth month : List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11))) {
            for (String npi : npis) {
                for (String member : List.of("M1", "M2", "M3", "M9")) {
                    for (Set<String> codes : List.of(EVALUATIONS, Set.of("96130"))) {
                        assertThat(ranges.latest(npi, member, codes, month.atDay(1)))
                                .as("%s %s %s %s", npi, member, codes, month)
                                .isEqualTo(oneProvider(table, key, npi, member, codes, month.atDay(1)));
                    }
                }
            }
        }
    }

    /** The answer from one provider's evaluations, as the lookup was before ranges. */
    private static Optional<LocalDate> oneProvider(DiagnosticEvaluationTable table, MemberKey key, String npi, String member,
                                                   Set<String> codes, LocalDate before) {
        List<DiagnosticEvaluationTable.Evaluation> found = table.ofProvider(npi, YearMonth.of(1, 1), YearMonth.from(before),
                LocalDate.of(1, 1, 1)).get(key.hash(member));
        return found == null ? Optional.empty() : found.stream().filter(e -> codes.contains(e.code()))
                .map(DiagnosticEvaluationTable.Evaluation::date).filter(d -> d.isBefore(before)).max(LocalDate::compareTo);
    }
}
