package org.codecred.rules;


import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code telehealth.csv}: telehealth places of service, the modifiers that mark a telehealth service,
 * with the periods they are in force, and which consistency check is in force on a date (until 2023
 * a telehealth place needs a modifier; from 2024 a telehealth modifier needs a telehealth place:
 * domain reference 10.3). The one copy of this fact: the coding rule TELEHEALTH-MODIFIER and the
 * alignment metric telehealth-share both read it.
 */
public final class TelehealthRules {

    public static final String FILE = "telehealth.csv";

    private record Value(String value, EffectivePeriod period) {
    }

    public static final String PLACE_NEEDS_MODIFIER = "PLACE-NEEDS-MODIFIER";
    public static final String MODIFIER_NEEDS_PLACE = "MODIFIER-NEEDS-PLACE";

    private final List<Value> places = new ArrayList<>();
    private final List<Value> modifiers = new ArrayList<>();
    private final List<Value> checks = new ArrayList<>();

    private TelehealthRules() {
    }

    public static TelehealthRules load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "kind", "value", "effective_from", "effective_to");
        TelehealthRules rules = new TelehealthRules();
        for (RuleTable.Row row : table.rows()) {
            Value value = new Value(row.required("value").toUpperCase(Locale.ROOT), EffectivePeriod.of(row));
            switch (row.required("kind").toLowerCase(Locale.ROOT)) {
                case "pos" -> rules.places.add(value);
                case "modifier" -> rules.modifiers.add(value);
                case "check" -> {
                    if (!value.value().equals(PLACE_NEEDS_MODIFIER) && !value.value().equals(MODIFIER_NEEDS_PLACE)) {
                        throw row.problem("value", row.get("value"), "is not place-needs-modifier or modifier-needs-place");
                    }
                    rules.checks.add(value);
                }
                default -> throw row.problem("kind", row.get("kind"), "is not pos, modifier or check");
            }
        }
        return rules;
    }

    /** Whether the check ({@link #PLACE_NEEDS_MODIFIER} or {@link #MODIFIER_NEEDS_PLACE}) is in force on {@code date}. */
    public boolean checks(String check, LocalDate date) {
        return contains(checks, check, date);
    }

    /** Whether the table has any check row (an older table without them keeps the place-needs-modifier check). */
    public boolean hasChecks() {
        return !checks.isEmpty();
    }

    /** A line is telehealth when billed at a telehealth place of service or with a telehealth modifier. */
    public boolean isTelehealthLine(String pos, List<String> lineModifiers, LocalDate date) {
        if (isTelehealthPlace(pos, date)) {
            return true;
        }
        for (String modifier : lineModifiers) {
            if (isTelehealthModifier(modifier, date)) {
                return true;
            }
        }
        return false;
    }

    public boolean isTelehealthPlace(String pos, LocalDate date) {
        return pos != null && contains(places, pos, date);
    }

    public boolean isTelehealthModifier(String modifier, LocalDate date) {
        return contains(modifiers, modifier, date);
    }

    /** The modifiers in force on {@code date}, for messages: "95, 93, GT, FQ". */
    public String modifiersText(LocalDate date) {
        List<String> names = new ArrayList<>();
        for (Value v : modifiers) {
            if (v.period().covers(date)) {
                names.add(v.value());
            }
        }
        return String.join(", ", names);
    }

    private static boolean contains(List<Value> values, String value, LocalDate date) {
        for (Value v : values) {
            if (v.value().equals(value) && v.period().covers(date)) {
                return true;
            }
        }
        return false;
    }
}
