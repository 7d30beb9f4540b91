package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.NCCI_PTP;

class PairEditRuleTest {

    @Test
    void evaluationWithSameDayPsychotherapyFlagsTheColumnTwoLine() {
        var findings = of(NCCI_PTP, check(line("90791").claim("C1", 1), line("90834").minutes(45).claim("C2", 1)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.procedureCode()).isEqualTo("90791");
            assertThat(f.subject()).isEqualTo("90834");
            assertThat(f.message()).startsWith("90791 billed with 90834 for the same member and date; pair edit with 90834 as"
                    + " column 1, modifier indicator 0: no modifier bypasses it (ncci-ptp.csv line");
        });
    }

    @Test
    void indicatorZeroIsNotBypassedByAModifier() {
        assertThat(of(NCCI_PTP, check(line("90791").modifiers("59"), line("90834").minutes(45).modifiers("XE")))).hasSize(1);
    }

    @Test
    void indicatorOneFiresWithoutBypassModifier() {
        assertThat(of(NCCI_PTP, check(line("90846").minutes(50), line("90834").minutes(45)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.procedureCode()).isEqualTo("90834");
                    assertThat(f.subject()).isEqualTo("90846");
                    assertThat(f.message()).contains("modifier indicator 1: a bypass modifier (59, XE, XP, XS, XU) is required");
                });
    }

    @Test
    void bypassModifierWhereTheTableAllowsOneDoesNotFire() {
        assertThat(of(NCCI_PTP, check(line("90846").minutes(50), line("90834").minutes(45).modifiers("59")))).isEmpty();
        assertThat(of(NCCI_PTP, check(line("90846").minutes(50).modifiers("XS"), line("90834").minutes(45)))).isEmpty();
        assertThat(of(NCCI_PTP, check(line("90846").minutes(50), line("90834").minutes(45).modifiers("95"))))
                .as("95 is not a bypass modifier").hasSize(1);
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(NCCI_PTP, check(line("90791").member("M1"), line("90834").minutes(45).member("M2"))))
                .as("other member").isEmpty();
        assertThat(of(NCCI_PTP, check(line("90834").minutes(45), line("90785")))).isEmpty();
        assertThat(of(NCCI_PTP, check(line("99214"), line("90836").minutes(40)))).isEmpty();
        assertThat(of(NCCI_PTP, check(line("90846").minutes(50).date(LocalDate.of(2013, 6, 3)),
                line("90834").minutes(45).date(LocalDate.of(2013, 6, 3))))).as("edit in force from 2014").isEmpty();
    }

    @Test
    void crisisBundlesAndEmExcludesEvaluation() {
        assertThat(of(NCCI_PTP, check(line("90839").minutes(60), line("90853")))).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("90839"));
        assertThat(of(NCCI_PTP, check(line("99214"), line("90792")))).singleElement()
                .satisfies(f -> assertThat(f.procedureCode()).isEqualTo("90792"));
        // any E/M visit, not only the office ones (NGS; LCD34616): hospital, consultation, emergency, telehealth E/M
        for (String em : new String[]{"99232", "99243", "99283", "99310", "99348", "98005"}) {
            assertThat(of(NCCI_PTP, check(line(em), line("90792")))).as(em).singleElement()
                    .satisfies(f -> assertThat(f.subject()).isEqualTo(em));
        }
        assertThat(of(NCCI_PTP, check(line("96127"), line("90791")))).as("not an E/M").isEmpty();
        // health behavior assessment is not billed the same day as adaptive behavior services (domain reference 1.3)
        assertThat(of(NCCI_PTP, check(line("97153"), line("96156")))).singleElement()
                .satisfies(f -> assertThat(f.procedureCode()).isEqualTo("96156"));
    }

    @Test
    void healthBehaviorInterventionIsNotBilledWithPsychotherapyTheSameDay() {
        // domain reference 11.4 (VERIFIED secondary): every HBAI code, not only the assessment
        assertThat(of(NCCI_PTP, check(line("90834").minutes(45), line("96158").dx("E11.9")))).singleElement()
                .satisfies(f -> {
                    assertThat(f.procedureCode()).isEqualTo("96158");
                    assertThat(f.subject()).isEqualTo("90834");
                });
        assertThat(of(NCCI_PTP, check(line("90834").minutes(45), line("96158").dx("E11.9").member("M2"))))
                .as("another member").isEmpty();
        assertThat(of(NCCI_PTP, check(line("90834").minutes(45), line("96160")))).as("a health risk instrument").isEmpty();
    }
}
