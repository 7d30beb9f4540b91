package org.codecred.history;

import org.codecred.alignment.ProviderMetric;
import org.codecred.database.KeyList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Types;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * codecred.history_metric: per completed month and provider, the metrics compared with peers
 * (90837 share, telehealth share, services per day, ...) and each specialty's evidence share.
 * Per-code and per-band counts stay behind: they are the month's detail, not its trend.
 */
public final class MetricHistoryTable {


    private final JdbcTemplate jdbc;

    public MetricHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.history_metric WHERE history_month = ?", month.toString());
    }

    /** Keeps metric values of the month (the caller leaves out per-code and per-band counts); returns the rows written. */
    int insert(YearMonth month, List<ProviderMetric> metrics) {
        jdbc.batchUpdate("INSERT INTO codecred.history_metric (history_month, npi, metric_id, metric_value)"
                + " VALUES (?, ?, ?, ?)", metrics, 1000, (ps, m) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, m.npi());
                    ps.setString(3, m.id());
                    ps.setObject(4, m.value(), Types.DOUBLE);
                });
        return metrics.size();
    }

    /** Every provider's values of the given metrics in {@code month}: {npi -> {metric -> value}}. */
    public Map<String, Map<String, Double>> ofMonth(YearMonth month, java.util.Collection<String> metricIds) {
        Map<String, Map<String, Double>> byNpi = new TreeMap<>();
        if (metricIds.isEmpty()) {
            return byNpi;
        }
        List<Object> args = new java.util.ArrayList<>();
        args.add(month.toString());
        args.addAll(metricIds);
        jdbc.query("SELECT npi, metric_id, metric_value FROM codecred.history_metric WHERE history_month = ?"
                        + " AND metric_id IN (" + String.join(", ", java.util.Collections.nCopies(metricIds.size(), "?")) + ")",
                (RowCallbackHandler) rs -> byNpi.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getObject(3, Double.class)), args.toArray());
        return byNpi;
    }

    /**
     * One provider's metrics per completed month ({month -> {metric -> value}}), months from {@code from}
     * to before {@code to}. The table's only index is its primary key, led by the month (V8): this goes
     * through the completed months of the range and probes each by month and NPI. A second index by NPI
     * would answer it in one range, but cost every metric row of every month its upkeep, for the few
     * providers a month reads on their own. A month's metric rows commit with its completion row, so
     * every month holding rows is a completed one.
     */
    public Map<YearMonth, Map<String, Double>> ofProvider(String npi, YearMonth from, YearMonth to) {
        Map<YearMonth, Map<String, Double>> byMonth = new TreeMap<>();
        jdbc.query("SELECT m.history_month, m.metric_id, m.metric_value FROM codecred.history_run r"
                        + " JOIN codecred.history_metric m ON m.history_month = r.history_month AND m.npi = ?"
                        + " WHERE r.history_month >= ? AND r.history_month < ?",
                (RowCallbackHandler) rs -> byMonth.computeIfAbsent(YearMonth.parse(rs.getString(1).trim()), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getObject(3, Double.class)), npi, from.toString(), to.toString());
        return byMonth;
    }

    /**
     * Several providers' metrics of one month ({npi -> {metric -> value}}), in one query (a provider
     * without any has no entry): {@link #ofProvider} a month at a time, found by the month's key.
     */
    public Map<String, Map<String, Double>> ofProviders(YearMonth month, java.util.Collection<String> npis) {
        Map<String, Map<String, Double>> byNpi = new HashMap<>();
        if (npis.isEmpty()) {
            return byNpi;
        }
        KeyList keys = KeyList.of(npis);
        List<Object> args = new java.util.ArrayList<>(List.of(month.toString()));
        args.addAll(keys.args());
        jdbc.query("SELECT npi, metric_id, metric_value FROM codecred.history_metric WHERE history_month = ? AND "
                        + keys.condition("npi"),
                (RowCallbackHandler) rs -> byNpi.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getObject(3, Double.class)), args.toArray());
        return byNpi;
    }
}
