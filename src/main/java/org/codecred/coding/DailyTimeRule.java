package org.codecred.coding;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * DAILY-TIME-IMPLAUSIBLE: a provider's timed services on one day, counted at each code's minimum
 * minutes (codes.csv day_minutes x units), add up to more than the plausible day
 * (coding-settings.csv daily_plausible_minutes, default 720). A provider finding; subject = the date.
 * This class measures a day and words its finding; {@link CapacityRule} raises it for each long day once
 * the provider's month is known, and adds CAPACITY-IMPLAUSIBLE when the month's long days pass its bar.
 */
final class DailyTimeRule {

    private final CodingSettings settings;

    DailyTimeRule(CodingSettings settings) {
        this.settings = settings;
    }

    /** The day's timed minutes; {@code code} gives the code in force for a line (null when unknown). */
    static EarlierDays.DayTime measure(List<ClaimLine> lines, BiFunction<String, LocalDate, CodeDef> code) {
        long minutes = 0;
        int counted = 0;
        for (ClaimLine line : lines) {
            CodeDef def = code.apply(line.procedureCode(), line.serviceDate());
            if (def != null && def.dayMinutes() != null) {
                minutes += (long) def.dayMinutes() * line.units();
                counted++;
            }
        }
        return new EarlierDays.DayTime(minutes, counted);
    }

    /** Whether the day is longer than the plausible day. */
    boolean tooLong(EarlierDays.DayTime day) {
        return day.minutes() > settings.dailyPlausibleMinutes();
    }

    Finding finding(String npi, LocalDate date, EarlierDays.DayTime day) {
        int limit = settings.dailyPlausibleMinutes();
        return Finding.onProvider(RuleId.DAILY_TIME_IMPLAUSIBLE, npi, date.toString(), String.format(
                "timed services on %s add up to at least %d minutes (%s h) over %d lines, counting each code's"
                        + " minimum minutes; a plausible day is at most %d minutes (%s h)",
                date, day.minutes(), hours(day.minutes()), day.lines(), limit, hours(limit)));
    }

    static String hours(long minutes) {
        return String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
