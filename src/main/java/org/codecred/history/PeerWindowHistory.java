package org.codecred.history;

import org.codecred.alignment.PeerHistory;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The earlier months of the peer window from history: of the {@code previous} calendar months before
 * the month, those completed, with the visit counts recordHistory kept for each provider (the metric
 * rows, numerators and denominators included). A month re-run with --force replaced its own rows, so
 * the window always reads each month's latest completed run.
 */
public final class PeerWindowHistory implements PeerHistory {

    private final HistoryTables tables;

    public PeerWindowHistory(HistoryTables tables) {
        this.tables = tables;
    }

    @Override
    public Map<YearMonth, Map<String, Map<String, Double>>> metrics(YearMonth month, int previous,
                                                                     Collection<String> ids) {
        Map<YearMonth, Map<String, Map<String, Double>>> byMonth = new TreeMap<>();
        for (int i = 1; i <= previous; i++) {
            YearMonth earlier = month.minusMonths(i);
            if (tables.runs.completed(earlier)) {
                byMonth.put(earlier, tables.metrics.ofMonth(earlier, ids));
            }
        }
        return byMonth;
    }
}
