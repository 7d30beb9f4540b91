package org.codecred.coding;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.coding.Lines.of;
import static org.codecred.domain.RuleId.TELEHEALTH_MODIFIER;

/** Telehealth checks by date (telehealth.csv): a place needs a modifier until 2023; a modifier needs a place from 2024. */
class TelehealthRuleTest {

    private static final LocalDate IN_2023 = LocalDate.of(2023, 12, 29);
    private static final LocalDate IN_2024 = LocalDate.of(2024, 1, 2);

    @Test
    void until2023ATelehealthPlaceWithoutModifierFires() {
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("10").date(IN_2023)))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith(
                        "place of service 10 (telehealth) without a telehealth modifier (95, 93, GT, FQ)"));
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02").modifiers("59").date(IN_2023)))).hasSize(1);
        // then a modifier on an in-person place was not a finding
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("11").modifiers("95").date(IN_2023)))).isEmpty();
    }

    @Test
    void from2024ATelehealthPlaceNeedsNoModifier() {
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("10").date(IN_2024)))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02")))).isEmpty();
    }

    @Test
    void from2024ATelehealthModifierOnAnInPersonPlaceFires() {
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("11").modifiers("95").date(IN_2024))))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).as("the catalog leaves the subject empty").isEmpty();
                    assertThat(f.message()).contains("telehealth modifier 95 on place of service 11 (in person)");
                });
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("11").modifiers("59", "93")))).hasSize(1);
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("12").modifiers("FQ")))).hasSize(1);
    }

    @Test
    void lookAlikesDoNotFire() {
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("10").modifiers("95")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02").modifiers("GT")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("02").modifiers("59", "93")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("11").modifiers("59")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos("11")))).isEmpty();
        assertThat(of(TELEHEALTH_MODIFIER, check(line("90834").minutes(45).pos(null).modifiers("95")))).isEmpty();
    }
}
