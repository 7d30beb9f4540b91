package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codecred.coding.Lines.line;

/** CAPACITY-IMPLAUSIBLE over a provider's month, and how it relates to DAILY-TIME-IMPLAUSIBLE. */
class CapacityRuleTest {

    /** {@code sessions} 90837 lines (53 minutes each at the code's minimum) on {@code date}. */
    private static List<ClaimLine> day(LocalDate date, int sessions) {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            lines.add(line("90837").minutes(55).date(date).member(String.format("M%02d", i)).claim("C" + date + i, 1).build());
        }
        return lines;
    }

    /** Runs the month day by day as the reader does; returns every finding of the month. */
    private static List<Finding> month(int... sessionsPerDay) {
        EarlierDays.Builder earlier = new EarlierDays.Builder();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < sessionsPerDay.length; i++) {
            LocalDate date = LocalDate.of(2026, 10, 5 + i);
            List<ClaimLine> lines = day(date, sessionsPerDay[i]);
            boolean last = i == sessionsPerDay.length - 1;
            all.addAll(Lines.ENGINE.check(new ProviderDay(Lines.NPI, date, lines, earlier.snapshot(), last), Lines.MD));
            earlier.addDay(date, Lines.ENGINE.dayTime(lines));
        }
        return all.stream().filter(f -> f.rule() == RuleId.CAPACITY_IMPLAUSIBLE || f.rule() == RuleId.DAILY_TIME_IMPLAUSIBLE)
                .toList();
    }

    @Test
    void threeThirteenHourDaysAreOneCapacityFindingBesideTheirDayWarnings() {
        // 15 x 90837 at 53 minutes = 795 minutes = 13.3 h
        List<Finding> findings = month(15, 4, 15, 6, 15);
        // the contract defines DAILY-TIME-IMPLAUSIBLE per day: each long day keeps it
        assertThat(findings).filteredOn(f -> f.rule() == RuleId.DAILY_TIME_IMPLAUSIBLE).extracting(Finding::subject)
                .containsExactly("2026-10-05", "2026-10-07", "2026-10-09");
        assertThat(findings).filteredOn(f -> f.rule() == RuleId.CAPACITY_IMPLAUSIBLE).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.CAPACITY_IMPLAUSIBLE);
            assertThat(f.severity()).isEqualTo(org.codecred.domain.Severity.WARNING);
            assertThat(f.claimId()).isNull();
            assertThat(f.subject()).isEqualTo("2026-10-05; 2026-10-07; 2026-10-09");
            assertThat(f.message()).startsWith("3 days over 12.0 h of timed services in the month")
                    .contains("2026-10-05 13.3 h (15 lines)");
        });
    }

    @Test
    void twoLongDaysStayDayWarnings() {
        List<Finding> findings = month(15, 4, 15, 6);
        assertThat(findings).extracting(Finding::rule).containsOnly(RuleId.DAILY_TIME_IMPLAUSIBLE).hasSize(2);
        assertThat(findings).extracting(Finding::subject).containsExactly("2026-10-05", "2026-10-07");
    }

    @Test
    void oneDayOverSixteenHoursIsEnough() {
        // 19 x 53 = 1007 minutes = 16.8 h
        assertThat(month(4, 19, 4)).extracting(Finding::rule)
                .containsExactly(RuleId.DAILY_TIME_IMPLAUSIBLE, RuleId.CAPACITY_IMPLAUSIBLE);
        assertThat(month(4, 19, 4)).filteredOn(f -> f.rule() == RuleId.CAPACITY_IMPLAUSIBLE).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.CAPACITY_IMPLAUSIBLE);
            assertThat(f.subject()).isEqualTo("2026-10-06");
            assertThat(f.message()).startsWith("a day over 16.0 h");
        });
        // 18 x 53 = 954 minutes: a long day, not over 16 hours
        assertThat(month(4, 18, 4)).extracting(Finding::rule).containsExactly(RuleId.DAILY_TIME_IMPLAUSIBLE);
    }

    @Test
    void ordinaryMonthsFindNothingAndOnlyTheLastDayJudges() {
        assertThat(month(8, 9, 10, 8, 7)).isEmpty();
        // the month's days are judged on the last day only: an earlier day alone says nothing yet
        List<ClaimLine> lines = day(LocalDate.of(2026, 10, 5), 20);
        assertThat(Lines.ENGINE.check(new ProviderDay(Lines.NPI, LocalDate.of(2026, 10, 5), lines, EarlierDays.NONE, false),
                Lines.MD)).extracting(Finding::rule).doesNotContain(RuleId.CAPACITY_IMPLAUSIBLE, RuleId.DAILY_TIME_IMPLAUSIBLE);
    }

    @Test
    void theThresholdsAreTableValues() {
        assertThat(Lines.RULES.settings().capacityDayMinutes()).isEqualTo(960);
        assertThat(Lines.RULES.settings().capacityLongDays()).isEqualTo(3);
    }
}
