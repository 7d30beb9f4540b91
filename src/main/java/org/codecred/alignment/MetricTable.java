package org.codecred.alignment;

import org.codecred.database.KeyList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Owner of {@code codecred.provider_metric} (DDL in the migrations, {@code db/migration}): each
 * provider's coding metrics, written by alignSpecialties, given their peer figures by comparePeers
 * and read by decideVerdicts (line counts) and the dossiers. No other class touches the table.
 */
public final class MetricTable {

    private static final int BATCH = 1000;

    private static final String COLUMNS = "npi, metric_id, metric_value, peer_group, peer_size, peer_median, peer_threshold";

    private static final RowMapper<ProviderMetric> ROW_MAPPER = (rs, i) -> new ProviderMetric(rs.getString(1),
            rs.getString(2), rs.getObject(3, Double.class), rs.getString(4), rs.getObject(5, Integer.class),
            rs.getObject(6, Double.class), rs.getObject(7, Double.class));

    /**
     * One metric row's peer figures.
     *
     * @param peerGroup the group compared with: the credential family, or {@code family|specialty}
     */
    public record PeerFigures(String npi, String metricId, int size, Double median, Double threshold,
                              String peerGroup) {
    }

    private final JdbcTemplate jdbc;

    public MetricTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(YearMonth month, String npi, String peerGroup, List<MetricValue> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.provider_metric (month, npi, metric_id, metric_value, peer_group)"
                        + " VALUES (?, ?, ?, ?, ?)", metrics, BATCH, (ps, m) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, npi);
                    ps.setString(3, m.metricId());
                    ps.setObject(4, m.value(), Types.DOUBLE);
                    ps.setString(5, peerGroup);
                });
    }

    /** Every metric row of the month except per-code and per-band counts (for history). */
    public void forEachExceptCounts(YearMonth month, Consumer<ProviderMetric> sink) {
        jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ?"
                        + " AND metric_id NOT LIKE 'code:%' AND metric_id NOT LIKE 'band:%'",
                (RowCallbackHandler) rs -> sink.accept(ROW_MAPPER.mapRow(rs, 0)), month.toString());
    }

    /** The rows of the given metrics (values and volumes of the peer comparison), every provider of the month. */
    public void forEach(YearMonth month, List<String> metricIds, Consumer<ProviderMetric> sink) {
        if (metricIds.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(metricIds.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(month.toString());
        args.addAll(metricIds);
        jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ? AND metric_id IN (" + marks + ")",
                (RowCallbackHandler) rs -> sink.accept(ROW_MAPPER.mapRow(rs, 0)), args.toArray());
    }

    public void updatePeerFigures(YearMonth month, List<PeerFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE codecred.provider_metric SET peer_size = ?, peer_median = ?, peer_threshold = ?,"
                        + " peer_group = ? WHERE month = ? AND npi = ? AND metric_id = ?", figures, BATCH, (ps, f) -> {
                    ps.setInt(1, f.size());
                    ps.setObject(2, f.median(), Types.DOUBLE);
                    ps.setObject(3, f.threshold(), Types.DOUBLE);
                    ps.setString(4, f.peerGroup());
                    ps.setString(5, month.toString());
                    ps.setString(6, f.npi());
                    ps.setString(7, f.metricId());
                });
    }

    /** Lines per provider, from the metric alignSpecialties kept (rostered providers only). */
    public Map<String, Long> linesByProvider(YearMonth month) {
        Map<String, Long> lines = new HashMap<>();
        jdbc.query("SELECT npi, metric_value FROM codecred.provider_metric WHERE month = ? AND metric_id = ?",
                (RowCallbackHandler) rs -> lines.put(rs.getString(1), Math.round(rs.getDouble(2))), month.toString(), MetricIds.LINES);
        return lines;
    }

    /** One provider's metrics in metric-id order. */
    public List<ProviderMetric> ofProvider(YearMonth month, String npi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ? AND npi = ? ORDER BY metric_id",
                ROW_MAPPER, month.toString(), npi);
    }

    /** Several providers' metrics by NPI, each in metric-id order, in one query (a provider without any has no entry). */
    public Map<String, List<ProviderMetric>> ofProviders(YearMonth month, Collection<String> npis) {
        return KeyList.rowsByKey(jdbc, "SELECT " + COLUMNS + " FROM codecred.provider_metric", "month", "npi",
                "npi, metric_id", month, npis, ROW_MAPPER, ProviderMetric::npi);
    }
}
