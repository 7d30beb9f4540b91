package org.codecred.alignment;

import org.codecred.rules.RuleTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The peer comparison's settings from {@code jobs/rules/peer-settings.csv} (setting,value): who
 * counts as a peer, the false-discovery rate, the window. A missing setting keeps the contract's
 * default; a missing file keeps them all.
 *
 * @param minGroupSize  providers a group needs (each with {@code minVisits}) before anyone is compared
 * @param minVisits     visits in the window that make a provider a peer
 * @param fdrQ          Benjamini–Hochberg's q over all tests of the month
 * @param windowMonths  this month plus this many minus one previous completed months, from history
 */
public record PeerSettings(int minGroupSize, double minVisits, double fdrQ, int windowMonths) {

    public static final String FILE = "peer-settings.csv";
    public static final PeerSettings DEFAULTS = new PeerSettings(8, 20, 0.05, 3);

    public static PeerSettings load(Path rulesDir) {
        Path file = rulesDir.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        int minGroupSize = DEFAULTS.minGroupSize;
        double minVisits = DEFAULTS.minVisits;
        double q = DEFAULTS.fdrQ;
        int window = DEFAULTS.windowMonths;
        for (RuleTable.Row row : RuleTable.load(file, "setting", "value").rows()) {
            String setting = row.required("setting").toLowerCase(Locale.ROOT);
            switch (setting) {
                case "min_group_size" -> {
                    minGroupSize = row.intOr("value", minGroupSize);
                    if (minGroupSize < 3) {
                        throw row.problem("value", row.get("value"), "must be at least 3 providers for a fair comparison");
                    }
                }
                case "min_visits" -> {
                    minVisits = row.doubleOr("value", minVisits);
                    if (minVisits < 1) {
                        throw row.problem("value", row.get("value"), "must be at least 1 visit");
                    }
                }
                case "fdr_q" -> {
                    q = row.doubleOr("value", q);
                    if (q <= 0 || q >= 1) {
                        throw row.problem("value", row.get("value"), "is not a rate between 0 and 1 (write 0.05 for 5 %)");
                    }
                }
                case "window_months" -> {
                    window = row.intOr("value", window);
                    if (window < 1 || window > 12) {
                        throw row.problem("value", row.get("value"), "must be 1 to 12 months");
                    }
                }
                default -> throw row.problem("setting", setting,
                        "is not a known setting (known: min_group_size, min_visits, fdr_q, window_months)");
            }
        }
        return new PeerSettings(minGroupSize, minVisits, q, window);
    }
}
