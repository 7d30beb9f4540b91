package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * CAPACITY-IMPLAUSIBLE (contract v3): over the provider's month, a day of more than 16 hours of timed
 * services (coding-settings.csv capacity_day_minutes, 960), or 3 or more days (capacity_long_days) longer
 * than the plausible day of DAILY-TIME-IMPLAUSIBLE (daily_plausible_minutes, 12 hours). Minutes are
 * counted as that rule counts them: each timed code's minimum minutes from codes.csv. One finding names
 * every long day (subject = the days) and REVIEWs the provider. Each long day keeps its own
 * DAILY-TIME-IMPLAUSIBLE warning whatever the month shows: the contract defines that rule per day, and a
 * scheduler counting it must see the same days with or without the month's finding. Judged on the
 * provider's last day of the month, when every day is known.
 */
final class CapacityRule {

    private final CodingSettings settings;
    private final DailyTimeRule dailyTime;

    CapacityRule(CodingSettings settings, DailyTimeRule dailyTime) {
        this.settings = settings;
        this.dailyTime = dailyTime;
    }

    /** @param month the provider's timed minutes of each day of the month, by date */
    void check(String npi, SortedMap<LocalDate, EarlierDays.DayTime> month, List<Finding> out) {
        List<Map.Entry<LocalDate, EarlierDays.DayTime>> longDays = new ArrayList<>();
        boolean overlong = false;
        for (Map.Entry<LocalDate, EarlierDays.DayTime> day : month.entrySet()) {
            if (dailyTime.tooLong(day.getValue())) {
                longDays.add(day);
                overlong |= day.getValue().minutes() > settings.capacityDayMinutes();
            }
        }
        for (Map.Entry<LocalDate, EarlierDays.DayTime> day : longDays) {
            out.add(dailyTime.finding(npi, day.getKey(), day.getValue()));
        }
        if (!overlong && longDays.size() < settings.capacityLongDays()) {
            return;
        }
        // the contract's list separator: a subject without commas reads the same in any CSV reader
        String days = longDays.stream().map(d -> d.getKey().toString()).collect(Collectors.joining("; "));
        String detail = longDays.stream().map(d -> d.getKey() + " " + DailyTimeRule.hours(d.getValue().minutes())
                + " h (" + d.getValue().lines() + " lines)").collect(Collectors.joining(", "));
        String why = overlong
                ? "a day over " + DailyTimeRule.hours(settings.capacityDayMinutes()) + " h"
                : longDays.size() + " days over " + DailyTimeRule.hours(settings.dailyPlausibleMinutes()) + " h";
        out.add(Finding.onProvider(RuleId.CAPACITY_IMPLAUSIBLE, npi, days, String.format(
                "%s of timed services in the month, counting each code's minimum minutes: %s; one clinician cannot"
                        + " plausibly deliver a day over %s h, or %d or more days over %s h, in a month: check who"
                        + " rendered these services",
                why, detail, DailyTimeRule.hours(settings.capacityDayMinutes()), settings.capacityLongDays(),
                DailyTimeRule.hours(settings.dailyPlausibleMinutes()))));
    }
}
