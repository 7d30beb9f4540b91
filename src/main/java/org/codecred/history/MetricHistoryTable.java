package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * codecred.history_metric: per completed month and provider, the metrics compared with peers
 * (90837 share, telehealth share, services per day, ...) and each specialty's evidence share.
 * Per-code and per-band counts stay behind: they are the month's detail, not its trend.
 */
public final class MetricHistoryTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS codecred.history_metric (
                history_month CHAR(7)          NOT NULL,
                npi           CHAR(10)         NOT NULL,
                metric_id     VARCHAR(60)      NOT NULL,
                metric_value  DOUBLE PRECISION,
                PRIMARY KEY (history_month, npi, metric_id)
            )""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS history_metric_by_npi ON codecred.history_metric (npi, history_month)";

    private final JdbcTemplate jdbc;

    public MetricHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.execute(DDL);
        jdbc.execute(INDEX);
    }

    void delete(String month) {
        jdbc.update("DELETE FROM codecred.history_metric WHERE history_month = ?", month);
    }

    /** Copies the month's provider metrics except per-code and per-band counts; returns the rows written. */
    int copyFromMetrics(String month) {
        return jdbc.update("INSERT INTO codecred.history_metric (history_month, npi, metric_id, metric_value)"
                + " SELECT month, npi, metric_id, metric_value FROM codecred.provider_metric WHERE month = ?"
                + " AND metric_id NOT LIKE 'code:%' AND metric_id NOT LIKE 'band:%'", month);
    }

    /** One provider's metrics per month ({month -> {metric -> value}}), months from {@code from} to before {@code to}. */
    public Map<String, Map<String, Double>> ofProvider(String npi, String from, String to) {
        Map<String, Map<String, Double>> byMonth = new TreeMap<>();
        jdbc.query("SELECT history_month, metric_id, metric_value FROM codecred.history_metric"
                        + " WHERE npi = ? AND history_month >= ? AND history_month < ?",
                (RowCallbackHandler) rs -> byMonth.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getObject(3, Double.class)), npi, from, to);
        return byMonth;
    }
}
