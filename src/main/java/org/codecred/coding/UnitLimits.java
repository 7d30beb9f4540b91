package org.codecred.coding;

import org.codecred.rules.CodeSet;
import org.codecred.rules.EffectivePeriod;
import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit limits: a CMS Practitioner MUE row in force on the service date wins; otherwise the
 * hand-kept {@code unit-limits.csv}.
 */
public final class UnitLimits {

    public static final String FILE = "unit-limits.csv";

    private final Map<String, List<UnitLimit>> hand;
    private final Map<String, List<UnitLimit>> cms;

    public UnitLimits(List<UnitLimit> hand, List<UnitLimit> cms) {
        this.hand = index(hand);
        this.cms = index(cms);
    }

    public static List<UnitLimit> loadHandTable(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "code", "limit", "adjudication_indicator",
                "effective_from", "effective_to");
        List<UnitLimit> limits = new ArrayList<>();
        for (RuleTable.Row row : table.rows()) {
            int limit = row.intOr("limit", -1);
            if (limit < 0) {
                throw row.problem("limit", row.get("limit"), "a whole number of units (0 or more) is required");
            }
            int indicator = row.intOr("adjudication_indicator", -1);
            if (indicator < 1 || indicator > 3) {
                throw row.problem("adjudication_indicator", row.get("adjudication_indicator"), "is not 1, 2 or 3");
            }
            EffectivePeriod period = EffectivePeriod.of(row);
            for (String code : CodeSet.codesIn(row, "code")) {
                limits.add(new UnitLimit(code, limit, indicator, period, FILE + " line " + row.line(),
                        unverified(row)));
            }
        }
        return limits;
    }

    /** The table's {@code unverified} column: Y when the row's value still needs a published source. */
    static boolean unverified(RuleTable.Row row) {
        String value = row.get("unverified").toUpperCase(java.util.Locale.ROOT);
        return switch (value) {
            case "Y", "YES", "TRUE" -> true;
            case "", "N", "NO", "FALSE" -> false;
            default -> throw row.problem("unverified", row.get("unverified"), "is not Y or N");
        };
    }

    /** The limit of {@code code} on {@code date}, or null when none applies. */
    public UnitLimit inForce(String code, LocalDate date) {
        UnitLimit limit = find(cms, code, date);
        return limit != null ? limit : find(hand, code, date);
    }

    private static UnitLimit find(Map<String, List<UnitLimit>> index, String code, LocalDate date) {
        List<UnitLimit> limits = index.get(code);
        if (limits != null) {
            for (UnitLimit limit : limits) {
                if (limit.period().covers(date)) {
                    return limit;
                }
            }
        }
        return null;
    }

    private static Map<String, List<UnitLimit>> index(List<UnitLimit> limits) {
        Map<String, List<UnitLimit>> byCode = new HashMap<>();
        for (UnitLimit limit : limits) {
            byCode.computeIfAbsent(limit.code(), k -> new ArrayList<>()).add(limit);
        }
        return byCode;
    }
}
