package org.codecred.coding;

import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code coding-settings.csv}: the plausible length of a provider's day and the modifiers that
 * bypass a pair edit with modifier indicator 1.
 */
public record CodingSettings(int dailyPlausibleMinutes, Set<String> bypassModifiers) {

    public static final String FILE = "coding-settings.csv";

    public static final CodingSettings DEFAULTS = new CodingSettings(720, Set.of("59", "XE", "XS", "XP", "XU"));

    public static CodingSettings load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "setting", "value");
        int minutes = DEFAULTS.dailyPlausibleMinutes();
        Set<String> bypass = DEFAULTS.bypassModifiers();
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
                default -> throw row.problem("setting", row.get("setting"),
                        "is not one of daily_plausible_minutes, ptp_bypass_modifiers");
            }
        }
        return new CodingSettings(minutes, bypass);
    }

    /** The bypass modifiers in a stable order for messages. */
    public String bypassText() {
        return String.join(", ", List.copyOf(new java.util.TreeSet<>(bypassModifiers)));
    }
}
