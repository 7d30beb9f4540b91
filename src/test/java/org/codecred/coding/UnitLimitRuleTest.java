package org.codecred.coding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.UNITS_EXCEED;

class UnitLimitRuleTest {

    @Test
    void unitsAboveTheLimitOnOneLineFire() {
        assertThat(of(UNITS_EXCEED, check(line("90791").units(2)))).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("2 units of 90791 for one member on 2026-10-05 (1 line); limit 1 per day"));
    }

    @Test
    void unitsAddUpAcrossClaimsAndTheLinePassingTheLimitIsFlagged() {
        var findings = of(UNITS_EXCEED, check(line("96159").units(3).claim("C1", 1), line("96158"),
                line("96159").units(2).claim("C2", 1)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.claimId()).isEqualTo("C2");
            assertThat(f.message()).startsWith("5 units of 96159 for one member on 2026-10-05 (2 lines); limit 4");
        });
    }

    @Test
    void unitsThatWouldWrapAnIntStillFire() {
        // issue 19 case 8: 2 x 2,147,483,647 summed in an int is negative and fired nothing
        var findings = of(UNITS_EXCEED, check(line("96159").units(Integer.MAX_VALUE).claim("C1", 1),
                line("96158"), line("96159").units(Integer.MAX_VALUE).claim("C2", 1)));
        assertThat(findings).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("4294967294 units of 96159"));
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(UNITS_EXCEED, check(line("96159").units(4), line("96158")))).isEmpty();
        assertThat(of(UNITS_EXCEED, check(line("90791").member("M1"), line("90791").member("M2")))).as("two members").isEmpty();
        assertThat(of(UNITS_EXCEED, check(line("90834").minutes(45), line("90832").minutes(20).claim("C2", 1)))).isEmpty();
    }

    @Test
    void aLimitTheTableMarksUnverifiedIsAtMostAWarningAndSaysSo() {
        var findings = Lines.of(org.codecred.domain.RuleId.UNITS_EXCEED, Lines.check(Lines.line("90834").minutes(45).units(3)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.WARNING);
            assertThat(f.message()).contains("marked UNVERIFIED");
        });
        // a verified limit (90791 once a day, NGS) stays an ERROR
        assertThat(Lines.of(org.codecred.domain.RuleId.UNITS_EXCEED, Lines.check(Lines.line("90791").units(2))))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.ERROR));
    }
}
