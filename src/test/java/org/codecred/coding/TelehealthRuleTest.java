package org.codecred.coding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.TELEHEALTH_MODIFIER;

class TelehealthRuleTest {

    @Test
    void telehealthPlaceWithoutModifierFires() {
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("10")))).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("place of service 10 (telehealth) without a telehealth modifier (95, 93, GT, FQ)"));
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02").modifiers("59")))).hasSize(1);
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("10").modifiers("95")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02").modifiers("GT")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02").modifiers("59", "93")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("10").modifiers("FQ")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("11")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos(null)))).isEmpty();
    }
}
