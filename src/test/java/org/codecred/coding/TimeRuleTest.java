package org.codecred.coding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.check;
import static org.codecred.coding.Lines.line;
import static org.codecred.domain.RuleId.TIME_BELOW_MINIMUM;
import static org.codecred.domain.RuleId.TIME_MISSING;
import static org.codecred.domain.RuleId.TIME_UNDERCODED;
import static org.codecred.domain.RuleId.TIME_UPCODED;

class TimeRuleTest {

    /** code, minutes, expected rule (or NONE), expected subject */
    @ParameterizedTest
    @CsvSource({
            "90832, 15, TIME-BELOW-MINIMUM, ''",
            "90832, 16, NONE, ''",
            "90832, 37, NONE, ''",
            "90832, 38, TIME-UNDERCODED, 90834",
            "90834, 37, TIME-UPCODED, 90832",
            "90834, 38, NONE, ''",
            "90834, 52, NONE, ''",
            "90834, 53, TIME-UNDERCODED, 90837",
            "90837, 52, TIME-UPCODED, 90834",
            "90837, 53, NONE, ''",
            "90837, 15, TIME-BELOW-MINIMUM, ''",
            "90832, 60, TIME-UNDERCODED, 90837",
            "90837, 20, TIME-UPCODED, 90832",
            "90846, 25, TIME-BELOW-MINIMUM, ''",
            "90846, 26, NONE, ''",
            "90847, 25, TIME-BELOW-MINIMUM, ''",
            "90847, 26, NONE, ''",
            "90839, 29, TIME-BELOW-MINIMUM, ''",
            "90839, 30, NONE, ''",
            "90839, 90, NONE, ''",
    })
    void bandsAndBoundaries(String code, int minutes, String expected, String subject) {
        var timeFindings = check(line(code).minutes(minutes), line("99213")).stream()
                .filter(f -> f.rule().id().startsWith("TIME-")).toList();
        if (expected.equals("NONE")) {
            assertThat(timeFindings).isEmpty();
        } else {
            assertThat(timeFindings).singleElement().satisfies(f -> {
                assertThat(f.rule().id()).isEqualTo(expected);
                assertThat(f.subject()).isEqualTo(subject);
                assertThat(f.procedureCode()).isEqualTo(code);
            });
        }
    }

    @Test
    void upcodedMessageNamesTheEvidence() {
        var f = Lines.of(TIME_UPCODED, check(line("90837").minutes(45))).get(0);
        assertThat(f.message()).isEqualTo("90837 billed for 45 documented minutes; 38–52 minutes supports 90834");
        var u = Lines.of(TIME_UNDERCODED, check(line("90832").minutes(60))).get(0);
        assertThat(u.message()).isEqualTo("90832 billed for 60 documented minutes; 53 minutes or more supports 90837");
        var b = Lines.of(TIME_BELOW_MINIMUM, check(line("90846").minutes(25))).get(0);
        assertThat(b.message()).isEqualTo("90846 billed for 25 documented minutes; family-psychotherapy codes need at least 26 minutes");
    }

    @Test
    void emAddOnsLadderAmongThemselves() {
        var findings = check(line("99214"), line("90838").minutes(40));
        assertThat(Lines.of(TIME_UPCODED, findings)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("90836"));
    }

    @Test
    void missingMinutesFireOnlyWhenTheFileHasTheColumn() {
        assertThat(Lines.of(TIME_MISSING, check(line("90834")))).hasSize(1);
        assertThat(Lines.of(TIME_MISSING, check(line("90834").noMinutesColumn()))).isEmpty();
        assertThat(Lines.of(TIME_MISSING, check(line("90791")))).as("untimed code").isEmpty();
        assertThat(Lines.of(TIME_MISSING, check(line("99213")))).as("E/M is not time-checked").isEmpty();
    }
}
