package org.codecred.coding;

import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code coding-settings.csv}: the plausible length of a provider's day, the modifiers that bypass a
 * pair edit with modifier indicator 1, the window within which a repeated diagnostic evaluation is a
 * finding, the share of timed lines without minutes above which a provider is reviewed, and the
 * month's capacity (a day over 16 hours, or 3 days over the plausible day: CAPACITY-IMPLAUSIBLE).
 */
public record CodingSettings(int dailyPlausibleMinutes, Set<String> bypassModifiers, int evaluationRepeatMonths,
                             double timeUndocumentedShare, int capacityDayMinutes, int capacityLongDays) {

    public static final String FILE = "coding-settings.csv";

    public static final CodingSettings DEFAULTS = new CodingSettings(720, Set.of("59", "XE", "XS", "XP", "XU"), 6, 0.10,
            960, 3);

    public CodingSettings(int dailyPlausibleMinutes, Set<String> bypassModifiers, int evaluationRepeatMonths,
                          double timeUndocumentedShare) {
        this(dailyPlausibleMinutes, bypassModifiers, evaluationRepeatMonths, timeUndocumentedShare,
                DEFAULTS.capacityDayMinutes(), DEFAULTS.capacityLongDays());
    }

    public static CodingSettings load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "setting", "value");
        int minutes = DEFAULTS.dailyPlausibleMinutes();
        Set<String> bypass = DEFAULTS.bypassModifiers();
        int repeatMonths = DEFAULTS.evaluationRepeatMonths();
        double undocumented = DEFAULTS.timeUndocumentedShare();
        int capacityMinutes = DEFAULTS.capacityDayMinutes();
        int capacityDays = DEFAULTS.capacityLongDays();
        for (RuleTable.Row row : table.rows()) {
            switch (row.required("setting").toLowerCase(Locale.ROOT)) {
                case "daily_plausible_minutes" -> {
                    minutes = row.intOr("value", -1);
                    if (minutes <= 0) {
                        throw row.problem("value", row.get("value"), "a number of minutes above 0 is required");
                    }
                }
                case "ptp_bypass_modifiers" -> {
                    Set<String> modifiers = new LinkedHashSet<>();
                    for (String m : row.list("value")) {
                        modifiers.add(m.toUpperCase(Locale.ROOT));
                    }
                    bypass = Set.copyOf(modifiers);
                }
                case "evaluation_repeat_months" -> {
                    repeatMonths = row.intOr("value", -1);
                    if (repeatMonths < 1) {
                        throw row.problem("value", row.get("value"), "a number of months of at least 1 is required");
                    }
                }
                case "time_undocumented_share" -> {
                    undocumented = row.doubleOr("value", -1);
                    if (undocumented < 0 || undocumented >= 1) {
                        throw row.problem("value", row.get("value"), "is not a share from 0 to below 1 (write 0.10 for 10 %)");
                    }
                }
                case "capacity_day_minutes" -> {
                    capacityMinutes = row.intOr("value", -1);
                    if (capacityMinutes <= 0) {
                        throw row.problem("value", row.get("value"), "a number of minutes above 0 is required");
                    }
                }
                case "capacity_long_days" -> {
                    capacityDays = row.intOr("value", -1);
                    if (capacityDays < 1) {
                        throw row.problem("value", row.get("value"), "a number of days of at least 1 is required");
                    }
                }
                default -> throw row.problem("setting", row.get("setting"), "is not one of daily_plausible_minutes,"
                        + " ptp_bypass_modifiers, evaluation_repeat_months, time_undocumented_share,"
                        + " capacity_day_minutes, capacity_long_days");
            }
        }
        return new CodingSettings(minutes, bypass, repeatMonths, undocumented, capacityMinutes, capacityDays);
    }

    /** The bypass modifiers in a stable order for messages. */
    public String bypassText() {
        return String.join(", ", List.copyOf(new java.util.TreeSet<>(bypassModifiers)));
    }
}
