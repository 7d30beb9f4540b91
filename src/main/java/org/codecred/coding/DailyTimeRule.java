package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.time.LocalDate;
import java.util.List;

/**
 * DAILY-TIME-IMPLAUSIBLE: a provider's timed services on one day, counted at each code's minimum
 * minutes (codes.csv day_minutes x units), add up to more than the plausible day
 * (coding-settings.csv daily_plausible_minutes, default 720). A provider finding; subject = the date.
 */
final class DailyTimeRule {

    private final CodingSettings settings;

    DailyTimeRule(CodingSettings settings) {
        this.settings = settings;
    }

    void check(String npi, LocalDate date, List<CheckedLine> lines, List<Finding> out) {
        long minutes = 0;
        int counted = 0;
        for (CheckedLine checked : lines) {
            CodeDef code = checked.code();
            if (code != null && code.dayMinutes() != null) {
                minutes += (long) code.dayMinutes() * checked.line().units();
                counted++;
            }
        }
        int limit = settings.dailyPlausibleMinutes();
        if (minutes > limit) {
            out.add(Finding.onProvider(RuleId.DAILY_TIME_IMPLAUSIBLE, npi, date.toString(), String.format(
                    "timed services on %s add up to at least %d minutes (%s h) over %d lines, counting each code's"
                            + " minimum minutes; a plausible day is at most %d minutes (%s h)",
                    date, minutes, hours(minutes), counted, limit, hours(limit))));
        }
    }

    private static String hours(long minutes) {
        return String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
