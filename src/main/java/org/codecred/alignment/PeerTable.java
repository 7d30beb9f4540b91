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

    /**
     * Reads the v3 columns; a table written for v2 (without {@code numerator_metric} and
     * {@code clinical_floor}) still loads: its {@code min_excess} becomes the clinical floor, and a
     * metric without a numerator is shown but not tested.
     */
    public static List<PeerMetric> load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "metric", "volume_metric");
        List<PeerMetric> metrics = new ArrayList<>();
        for (RuleTable.Row row : table.rows()) {
            String metric = row.required("metric").toLowerCase(Locale.ROOT);
            double floor = row.doubleOr("clinical_floor", row.doubleOr("min_excess", 0));
            if (floor < 0) {
                throw row.problem("clinical_floor", row.get("clinical_floor"), "must not be negative");
            }
            if (MetricIds.isShare(metric) && floor >= 1) {
                throw row.problem("clinical_floor", row.get("clinical_floor"),
                        "is a share: write 0.20 for 20 percentage points");
            }
            double minVolume = row.doubleOr("min_volume", 20);
            if (minVolume < 1) {
                throw row.problem("min_volume", row.get("min_volume"), "must be at least 1");
            }
            String enabled = row.get("enabled").toLowerCase(Locale.ROOT);
            if (!enabled.isEmpty() && !enabled.equals("true") && !enabled.equals("false")) {
                throw row.problem("enabled", row.get("enabled"), "is not true or false");
            }
            String numerator = row.get("numerator_metric").toLowerCase(Locale.ROOT);
            metrics.add(new PeerMetric(metric, row.get("label").isEmpty() ? metric : row.get("label"), numerator,
                    row.required("volume_metric").toLowerCase(Locale.ROOT), minVolume, floor,
                    !enabled.equals("false") && !numerator.isEmpty()));
        }
        return List.copyOf(metrics);
    }
}
