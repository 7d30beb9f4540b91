package org.codecred.alignment;

import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The metrics compared with peers and their parameters, from {@code jobs/rules/peers.csv}. */
public final class PeerTable {

    public static final String FILE = "peers.csv";

    private PeerTable() {
    }

    public static List<PeerMetric> load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "metric", "volume_metric", "min_volume",
                "min_group_size", "method", "mad_multiplier", "percentile", "min_excess");
        List<PeerMetric> metrics = new ArrayList<>();
        for (RuleTable.Row row : table.rows()) {
            String metric = row.required("metric").toLowerCase(Locale.ROOT);
            PeerMetric.Method method;
            try {
                method = PeerMetric.Method.valueOf(row.required("method").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.problem("method", row.get("method"), "is not mad or percentile");
            }
            int minGroup = row.intOr("min_group_size", 5);
            if (minGroup < 3) {
                throw row.problem("min_group_size", row.get("min_group_size"), "must be at least 3 for a fair comparison");
            }
            double percentile = row.doubleOr("percentile", 95);
            if (percentile <= 0 || percentile >= 100) {
                throw row.problem("percentile", row.get("percentile"), "must be between 0 and 100");
            }
            double multiplier = row.doubleOr("mad_multiplier", 3);
            if (multiplier <= 0) {
                throw row.problem("mad_multiplier", row.get("mad_multiplier"), "must be above 0");
            }
            double minExcess = row.doubleOr("min_excess", 0);
            if (minExcess < 0) {
                throw row.problem("min_excess", row.get("min_excess"), "must not be negative");
            }
            String enabled = row.get("enabled").toLowerCase(Locale.ROOT);
            if (!enabled.isEmpty() && !enabled.equals("true") && !enabled.equals("false")) {
                throw row.problem("enabled", row.get("enabled"), "is not true or false");
            }
            metrics.add(new PeerMetric(metric, row.get("label").isEmpty() ? metric : row.get("label"),
                    row.required("volume_metric").toLowerCase(Locale.ROOT), row.doubleOr("min_volume", 10), minGroup,
                    method, multiplier, percentile, minExcess, !enabled.equals("false")));
        }
        return List.copyOf(metrics);
    }
}
