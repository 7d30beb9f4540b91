package org.codecred.history;

import org.codecred.alignment.ProviderMetric;
import org.codecred.database.KeyList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * codecred.history_metric_values: per completed month and provider, the metrics compared with
 * peers (90837 share, telehealth share, services per day, ...) and each specialty's evidence share,
 * in ONE row per provider ({@link #pack}). Per-code and per-band counts stay behind: they are the
 * month's detail, not its trend.
 *
 * <p>One row per provider rather than per metric (V10): about 40 metrics a provider, 400,000 rows a
 * month at 10,000 providers, each of them an HSQLDB row and key entry written in recordHistory's
 * transaction, while every reader wants a provider's metrics together (or a month's, for the peer
 * windows). The values are kept as Java writes a double, so each reads back exactly.
 */
public final class MetricHistoryTable {

    private final JdbcTemplate jdbc;

    public MetricHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.history_metric_values WHERE history_month = ?", month.toString());
    }

    /**
     * Keeps metric values of the month (the caller leaves out per-code and per-band counts), one row
     * per provider in NPI order; returns the metric values written. A provider's row is packed as the
     * batch goes: a month of 20,000 providers holds no second copy of its 800,000 metrics.
     */
    int insert(YearMonth month, List<ProviderMetric> metrics) {
        List<ProviderMetric> sorted = new ArrayList<>(metrics);
        sorted.sort(Comparator.comparing(ProviderMetric::npi).thenComparing(ProviderMetric::id));
        List<String[]> batch = new ArrayList<>(BATCH);
        Map<String, Double> values = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            ProviderMetric m = sorted.get(i);
            values.put(m.id(), m.value());
            if (i + 1 == sorted.size() || !sorted.get(i + 1).npi().equals(m.npi())) {
                batch.add(new String[] {m.npi(), pack(values)});
                values.clear();
                if (batch.size() == BATCH) {
                    insertRows(jdbc, month.toString(), batch);
                    batch.clear();
                }
            }
        }
        insertRows(jdbc, month.toString(), batch);
        return metrics.size();
    }

    private static final int BATCH = 1000;

    /** Rows of (NPI, packed metrics) of one month. */
    private static void insertRows(JdbcTemplate jdbc, String month, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.history_metric_values (history_month, npi, metric_values) VALUES (?, ?, ?)",
                rows, rows.size(), (ps, row) -> {
                    ps.setString(1, month);
                    ps.setString(2, row[0]);
                    ps.setString(3, row[1]);
                });
    }

    /**
     * One provider's metrics as stored: a line per metric in id order, the id, a tab and the value as
     * {@link Double#toString} writes it (nothing after the tab: no value). Ids hold no tab or line end.
     */
    static String pack(Map<String, Double> values) {
        StringBuilder packed = new StringBuilder(values.size() * 32);
        new TreeMap<>(values).forEach((id, value) -> {
            if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a metric id holds a tab or a line end: " + id);
            }
            packed.append(id).append('\t');
            if (value != null) {
                packed.append(value.doubleValue());
            }
            packed.append('\n');
        });
        return packed.toString();
    }

    /** The metrics {@link #pack} stored, each id once, a missing value as null. */
    static Map<String, Double> unpack(String packed) {
        Map<String, Double> values = new HashMap<>();
        int from = 0;
        while (from < packed.length()) {
            int tab = packed.indexOf('\t', from);
            int end = packed.indexOf('\n', tab);
            values.put(packed.substring(from, tab), end == tab + 1 ? null : Double.valueOf(packed.substring(tab + 1, end)));
            from = end + 1;
        }
        return values;
    }

    /**
     * Migration V10 ({@link MetricsPerProvider}): creates the one-row-per-provider table if missing,
     * moves every month of the former one-row-per-metric table into it (each month's rows cleared
     * first, then committed by {@code commit}, so a rerun after a kill does it again), and drops the
     * former table last; a database without it has nothing to move.
     */
    static void migrateToOneRowPerProvider(JdbcTemplate jdbc, String tableType, Runnable commit) {
        jdbc.execute("CREATE " + tableType + " TABLE IF NOT EXISTS codecred.history_metric_values ("
                + " history_month CHAR(7) NOT NULL, npi CHAR(10) NOT NULL, metric_values VARCHAR(1000000) NOT NULL,"
                + " PRIMARY KEY (history_month, npi))");
        commit.run();
        if (!CommittingMigration.tableExists(jdbc, "history_metric")) {
            return;
        }
        for (String month : jdbc.queryForList("SELECT DISTINCT history_month FROM codecred.history_metric ORDER BY 1", String.class)) {
            Map<String, Map<String, Double>> byNpi = new TreeMap<>();
            jdbc.query("SELECT npi, metric_id, metric_value FROM codecred.history_metric WHERE history_month = ?",
                    (RowCallbackHandler) rs -> byNpi.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(rs.getString(2), rs.getObject(3, Double.class)), month);
            jdbc.update("DELETE FROM codecred.history_metric_values WHERE history_month = ?", month);
            List<String[]> rows = new ArrayList<>();
            byNpi.forEach((npi, values) -> rows.add(new String[] {npi, pack(values)}));
            for (int from = 0; from < rows.size(); from += BATCH) {
                insertRows(jdbc, month, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
            commit.run();
        }
        jdbc.execute("DROP TABLE codecred.history_metric");
        commit.run();
    }

    /** Every provider's values of the given metrics in {@code month}: {npi -> {metric -> value}}. */
    public Map<String, Map<String, Double>> ofMonth(YearMonth month, java.util.Collection<String> metricIds) {
        Map<String, Map<String, Double>> byNpi = new TreeMap<>();
        if (metricIds.isEmpty()) {
            return byNpi;
        }
        jdbc.query("SELECT npi, metric_values FROM codecred.history_metric_values WHERE history_month = ?",
                (RowCallbackHandler) rs -> {
                    Map<String, Double> kept = unpack(rs.getString(2));
                    kept.keySet().retainAll(metricIds);
                    if (!kept.isEmpty()) {
                        byNpi.put(rs.getString(1), kept);
                    }
                }, month.toString());
        return byNpi;
    }

    /**
     * One provider's metrics per completed month ({month -> {metric -> value}}), months from {@code from}
     * to before {@code to}: through the completed months of the range, each a probe of the primary key
     * (month, NPI). A month's metric row commits with its completion row, so every month holding rows
     * is a completed one.
     */
    public Map<YearMonth, Map<String, Double>> ofProvider(String npi, YearMonth from, YearMonth to) {
        Map<YearMonth, Map<String, Double>> byMonth = new TreeMap<>();
        jdbc.query("SELECT m.history_month, m.metric_values FROM codecred.history_run r"
                        + " JOIN codecred.history_metric_values m ON m.history_month = r.history_month AND m.npi = ?"
                        + " WHERE r.history_month >= ? AND r.history_month < ?",
                (RowCallbackHandler) rs -> byMonth.put(YearMonth.parse(rs.getString(1).trim()), unpack(rs.getString(2))),
                npi, from.toString(), to.toString());
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
        jdbc.query("SELECT npi, metric_values FROM codecred.history_metric_values WHERE history_month = ? AND "
                        + keys.condition("npi"),
                (RowCallbackHandler) rs -> byNpi.put(rs.getString(1), unpack(rs.getString(2))), args.toArray());
        return byNpi;
    }
}
