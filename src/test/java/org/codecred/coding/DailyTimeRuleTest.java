package org.codecred.coding;

import org.codecred.domain.Finding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.line;
import static org.codecred.domain.RuleId.DAILY_TIME_IMPLAUSIBLE;

class DailyTimeRuleTest {

    private static List<Finding> dayOf(String code, int sessions) {
        List<Lines> lines = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            lines.add(line(code).minutes(55).member(String.format("M%02d", i)));
        }
        return Lines.of(DAILY_TIME_IMPLAUSIBLE, Lines.check(lines.toArray(new Lines[0])));
    }

    @Test
    void moreThanTwelveHoursAtMinimumMinutesFires() {
        // 14 x 90837 at 53 minutes = 742 minutes > 720
        assertThat(dayOf("90837", 14)).singleElement().satisfies(f -> {
            assertThat(f.claimId()).isNull();
            assertThat(f.providerNpi()).isEqualTo(Lines.NPI);
            assertThat(f.subject()).isEqualTo("2026-10-05");
            assertThat(f.message()).startsWith("timed services on 2026-10-05 add up to at least 742 minutes (12.4 h) over 14 lines");
        });
    }

    @Test
    void upToTwelveHoursDoesNotFire() {
        assertThat(dayOf("90837", 13)).as("689 minutes").isEmpty();
        assertThat(dayOf("90791", 30)).as("untimed evaluations are not counted").isEmpty();
        assertThat(dayOf("90853", 40)).as("group time is not counted per patient").isEmpty();
    }
}
