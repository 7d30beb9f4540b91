package org.codecred.coding;

import org.codecred.rules.CodeSet;
import org.codecred.rules.EffectivePeriod;
import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pair edits in force: the hand-kept {@code ncci-ptp.csv}, overridden pair by pair by the CMS
 * Practitioner PTP files found in {@code cms/}. A pair the CMS files carry at all (in either
 * direction, whatever its dates) is governed by the CMS rows only.
 */
public final class PairEdits {

    public static final String FILE = "ncci-ptp.csv";

    private final Map<String, List<PairEdit>> hand;
    private final Map<String, List<PairEdit>> cms;
    private final Set<String> cmsPairs;

    public PairEdits(List<PairEdit> hand, List<PairEdit> cms) {
        this.hand = index(hand);
        this.cms = index(cms);
        this.cmsPairs = new HashSet<>();
        for (PairEdit edit : cms) {
            cmsPairs.add(unordered(edit.column1(), edit.column2()));
        }
    }

    public static List<PairEdit> loadHandTable(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "column_1", "column_2", "modifier_indicator",
                "effective_from", "effective_to");
        List<PairEdit> edits = new ArrayList<>();
        for (RuleTable.Row row : table.rows()) {
            int indicator = row.intOr("modifier_indicator", -1);
            if (indicator != 0 && indicator != 1 && indicator != 9) {
                throw row.problem("modifier_indicator", row.get("modifier_indicator"), "is not 0, 1 or 9");
            }
            EffectivePeriod period = EffectivePeriod.of(row);
            List<String> column1 = CodeSet.codesIn(row, "column_1");
            List<String> column2 = CodeSet.codesIn(row, "column_2");
            if (column1.isEmpty() || column2.isEmpty()) {
                throw row.problem(column1.isEmpty() ? "column_1" : "column_2", "", "a code is required");
            }
            String origin = FILE + " line " + row.line();
            String unverified = row.get("unverified").toLowerCase(java.util.Locale.ROOT);
            if (!unverified.isEmpty() && !unverified.equals(PairEdit.PAIR) && !unverified.equals(PairEdit.MODIFIER_INDICATOR)) {
                throw row.problem("unverified", row.get("unverified"), "is not empty, pair or modifier_indicator");
            }
            for (String a : column1) {
                for (String b : column2) {
                    if (!a.equals(b)) {
                        edits.add(new PairEdit(a, b, indicator, period, row.get("rationale"), origin, unverified));
                    }
                }
            }
        }
        return edits;
    }

    /** The edit with {@code column1} and {@code column2} in force on {@code date}, or null. */
    public PairEdit inForce(String column1, String column2, LocalDate date) {
        Map<String, List<PairEdit>> source = cmsPairs.contains(unordered(column1, column2)) ? cms : hand;
        List<PairEdit> edits = source.get(column1 + "|" + column2);
        if (edits != null) {
            for (PairEdit edit : edits) {
                if (edit.period().covers(date)) {
                    return edit;
                }
            }
        }
        return null;
    }

    /** Every code named by a hand-kept edit (the CMS import keeps rows touching these or the code set). */
    public static Set<String> codesOf(List<PairEdit> edits) {
        Set<String> codes = new HashSet<>();
        for (PairEdit edit : edits) {
            codes.add(edit.column1());
            codes.add(edit.column2());
        }
        return codes;
    }

    private static Map<String, List<PairEdit>> index(List<PairEdit> edits) {
        Map<String, List<PairEdit>> byPair = new HashMap<>();
        for (PairEdit edit : edits) {
            byPair.computeIfAbsent(edit.column1() + "|" + edit.column2(), k -> new ArrayList<>()).add(edit);
        }
        return byPair;
    }

    private static String unordered(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
