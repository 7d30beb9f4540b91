package org.codecred.coding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.DUPLICATE_LINE;

class DuplicateLineRuleTest {

    @Test
    void sameCodeAndModifiersTwiceFlagsTheSecond() {
        var findings = of(DUPLICATE_LINE, check(line("90834").minutes(45).claim("C1", 1).modifiers("95", "59"),
                line("90834").minutes(45).claim("C9", 2).modifiers("59", "95")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.claimId()).isEqualTo("C9");
            assertThat(f.message()).startsWith("same member, date, code 90834 and modifiers 59, 95 as claim C1 line 1 (claims.csv line");
        });
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(DUPLICATE_LINE, check(line("90834").minutes(45), line("90834").minutes(45).modifiers("59"))))
                .as("other modifiers").isEmpty();
        assertThat(of(DUPLICATE_LINE, check(line("90834").minutes(45).member("M1"), line("90834").minutes(45).member("M2"))))
                .as("other member").isEmpty();
        assertThat(of(DUPLICATE_LINE, check(line("90834").minutes(45), line("90837").minutes(55)))).isEmpty();
    }

    @Test
    void otherUnitsAreNotADuplicate() {
        assertThat(of(DUPLICATE_LINE, check(line("90840").claim("C1", 1).units(1), line("90840").claim("C2", 1).units(2))))
                .isEmpty();
        assertThat(of(DUPLICATE_LINE, check(line("90840").claim("C1", 1).units(2), line("90840").claim("C2", 1).units(2))))
                .singleElement().satisfies(f -> assertThat(f.claimId()).isEqualTo("C2"));
    }

    @Test
    void codesBilledPerInstrumentOrUnitAreLeftToTheUnitLimit() {
        // a PHQ-9 and a GAD-7 the same day: two 96127 lines are how the code is billed
        assertThat(of(DUPLICATE_LINE, check(line("96127").claim("C1", 1), line("96127").claim("C1", 2)))).isEmpty();
        assertThat(of(DUPLICATE_LINE, check(line("97153").claim("C1", 1).units(4), line("97153").claim("C2", 1).units(4))))
                .isEmpty();
    }
}
