package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.checkAfter;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.DIAG_EVAL_REPEATED;

class DiagEvalRepeatedRuleTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void aSecondEvaluationInTheMonthFiresWithTheEarlierDateAsSubject() {
        var findings = of(DIAG_EVAL_REPEATED, checkAfter(List.of(line("90791").date(OCT_1)), line("90792")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("2026-10-01");
            assertThat(f.procedureCode()).isEqualTo("90792");
            assertThat(f.message()).contains("already evaluated on 2026-10-01").contains("after 6 months");
        });
    }

    @Test
    void lookAlikesDoNotFire() {
        // another member, another code family, the first evaluation of the month
        assertThat(of(DIAG_EVAL_REPEATED, checkAfter(List.of(line("90791").date(OCT_1).member("M9")), line("90791"))))
                .isEmpty();
        assertThat(of(DIAG_EVAL_REPEATED, checkAfter(List.of(line("90834").date(OCT_1).minutes(45)), line("90791"))))
                .isEmpty();
        assertThat(of(DIAG_EVAL_REPEATED, checkAfter(List.of(), line("90791")))).isEmpty();
    }

    @Test
    void anEvaluationFromAnEarlierMonthCountsWithinSixMonthsOnly() {
        var rules = CodingRules.load(Path.of("src/test/resources/rules"));
        // 2026-04-05 + 6 months = 2026-10-05: an evaluation on 5 October is after the gap, on 4 October within it
        EvaluationHistory history = (npi, member, codes, before) -> member.equals("M1") && codes.contains("90791")
                ? Optional.of(LocalDate.of(2026, 4, 5)) : Optional.empty();
        CodingEngine engine = new CodingEngine(rules, history);
        assertThat(of(DIAG_EVAL_REPEATED, checkAfter(engine, List.of(), line("90791").date(LocalDate.of(2026, 10, 4)))))
                .singleElement().satisfies(f -> assertThat(f.subject()).isEqualTo("2026-04-05"));
        assertThat(of(DIAG_EVAL_REPEATED, checkAfter(engine, List.of(), line("90791").date(LocalDate.of(2026, 10, 5)))))
                .isEmpty();
        assertThat(of(DIAG_EVAL_REPEATED, checkAfter(engine, List.of(), line("90791").member("M2")))).isEmpty();
    }
}
