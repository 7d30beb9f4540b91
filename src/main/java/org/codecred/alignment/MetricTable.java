package org.codecred.alignment;

import org.codecred.database.KeyList;
import org.codecred.staging.StagingEngine;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Connection;
import java.sql.SQLException;
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
 * Owner of {@code codecred.provider_metric}: each provider's coding metrics, written by
 * alignSpecialties, given their peer figures by comparePeers and read by decideVerdicts (line counts),
 * the dossiers and history. No other class touches the table. The rows live in the staging engine
 * when the database has one ({@link StagingEngine}, DDL in {@code db/engine}), else in the database
 * itself (DDL in the migrations, {@code db/migration}); the reads are the same SQL on both.
 *
 * <p>The staging engine commits apart from the database, so its writes are repeatable on their own:
 * alignSpecialties' chunk deletes its providers' rows of the month before it appends them (a chunk the
 * database rolled back after the engine committed it is written again, not twice), and comparePeers
 * sets every figure it computes, so a rerun sets the same.
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

    /** One provider's metrics of the month as alignSpecialties measured them, before any peer comparison. */
    public record Measured(String npi, String peerGroup, List<MetricValue> metrics) {
    }

    private final JdbcTemplate jdbc;
    /** The staging engine holding the rows, or null when the database holds them. */
    private final StagingEngine engine;

    /** Metrics kept in the database itself. */
    public MetricTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.engine = null;
    }

    /** Metrics kept in the staging engine. */
    public MetricTable(StagingEngine engine) {
        this.jdbc = engine.jdbc();
        this.engine = engine;
    }

    /** Whether the rows live in the staging engine. */
    public boolean inStagingEngine() {
        return engine != null;
    }

    /** One provider's metrics: {@link #insert(YearMonth, List)} of one. */
    public void insert(YearMonth month, String npi, String peerGroup, List<MetricValue> metrics) {
        if (engine != null) {
            insert(month, List.of(new Measured(npi, peerGroup, metrics)));
            return;
        }
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

    /**
     * A chunk of providers' metrics. In the staging engine, one transaction first deletes whatever rows
     * these providers have in the month (those of an attempt whose database transaction a kill rolled
     * back) and then appends theirs: written twice, a chunk's rows are there once. In the database the
     * chunk's transaction takes such rows with it, and the rows are inserted as they are.
     */
    public void insert(YearMonth month, List<Measured> providers) {
        if (providers.isEmpty()) {
            return;
        }
        if (engine == null) {
            providers.forEach(p -> insert(month, p.npi(), p.peerGroup(), p.metrics()));
            return;
        }
        String monthKey = month.toString();
        engine.inTransaction(c -> {
            // the DELETE first: DuckDB's JDBC driver begins the transaction at the connection's first statement,
            // and an Appender used before any statement would commit its rows on its own
            try (var deleted = c.prepareStatement("DELETE FROM codecred.provider_metric WHERE month = ? AND npi IN ("
                    + marks(providers.size()) + ")")) {
                deleted.setString(1, monthKey);
                for (int i = 0; i < providers.size(); i++) {
                    deleted.setString(i + 2, providers.get(i).npi());
                }
                deleted.executeUpdate();
            }
            try (DuckDBAppender rows = c.unwrap(DuckDBConnection.class).createAppender("codecred", "provider_metric")) {
                for (Measured p : providers) {
                    for (MetricValue m : p.metrics()) {
                        rows.beginRow().append(monthKey).append(p.npi()).append(m.metricId()).append(m.value())
                                .append(p.peerGroup()).appendNull().appendNull().appendNull().endRow();
                    }
                }
                rows.flush();
            }
        });
    }

    /** Every metric row of the month except per-code and per-band counts (for history). */
    public void forEachExceptCounts(YearMonth month, Consumer<ProviderMetric> sink) {
        rows("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ?"
                + " AND metric_id NOT LIKE 'code:%' AND metric_id NOT LIKE 'band:%'", List.of(month.toString()), sink);
    }

    /** The rows of the given metrics (values and volumes of the peer comparison), every provider of the month. */
    public void forEach(YearMonth month, List<String> metricIds, Consumer<ProviderMetric> sink) {
        if (metricIds.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        args.add(month.toString());
        args.addAll(metricIds);
        rows("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ? AND metric_id IN ("
                + marks(metricIds.size()) + ")", args, sink);
    }

    /**
     * Sets the peer figures of the given rows. The staging engine takes them in one set-based UPDATE
     * from the figures appended to a temporary table (it has no index: an UPDATE per row would scan the
     * month each time); it commits before the step's database transaction, and a rerun sets the same.
     */
    public void updatePeerFigures(YearMonth month, List<PeerFigures> figures) {
        if (figures.isEmpty()) {
            return;
        }
        if (engine != null) {
            engine.inTransaction(c -> {
                // a statement before the Appender: it begins the transaction (see insert)
                try (var s = c.createStatement()) {
                    s.execute("CREATE OR REPLACE TEMPORARY TABLE peer_figures (npi VARCHAR, metric_id VARCHAR,"
                            + " peer_size INTEGER, peer_median DOUBLE, peer_threshold DOUBLE, peer_group VARCHAR)");
                }
                try (DuckDBAppender rows = c.unwrap(DuckDBConnection.class).createAppender("temp", "main", "peer_figures")) {
                    for (PeerFigures f : figures) {
                        rows.beginRow().append(f.npi()).append(f.metricId()).append(f.size()).append(f.median())
                                .append(f.threshold()).append(f.peerGroup()).endRow();
                    }
                    rows.flush();
                }
                try (var ps = c.prepareStatement("UPDATE codecred.provider_metric m SET peer_size = f.peer_size,"
                        + " peer_median = f.peer_median, peer_threshold = f.peer_threshold, peer_group = f.peer_group"
                        + " FROM peer_figures f WHERE m.month = ? AND m.npi = f.npi AND m.metric_id = f.metric_id")) {
                    ps.setString(1, month.toString());
                    ps.executeUpdate();
                }
                try (var s = c.createStatement()) {
                    s.execute("DROP TABLE peer_figures");
                }
            });
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
        rows("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ? AND metric_id = ?",
                List.of(month.toString(), MetricIds.LINES),
                row -> lines.put(row.npi(), row.value() == null ? 0L : Math.round(row.value())));
        return lines;
    }

    /** One provider's metrics in metric-id order. */
    public List<ProviderMetric> ofProvider(YearMonth month, String npi) {
        List<ProviderMetric> metrics = new ArrayList<>();
        rows("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ? AND npi = ? ORDER BY metric_id",
                List.of(month.toString(), npi), metrics::add);
        return metrics;
    }

    /** Several providers' metrics by NPI, each in metric-id order, in one query (a provider without any has no entry). */
    public Map<String, List<ProviderMetric>> ofProviders(YearMonth month, Collection<String> npis) {
        if (engine == null) {
            return KeyList.rowsByKey(jdbc, "SELECT " + COLUMNS + " FROM codecred.provider_metric", "month", "npi",
                    "npi, metric_id", month, npis, ROW_MAPPER, ProviderMetric::npi);
        }
        Map<String, List<ProviderMetric>> byNpi = new HashMap<>();
        if (npis.isEmpty()) {
            return byNpi;
        }
        // one scan of the month's rows for the whole list (no index); the bounds let the engine skip the row
        // groups whose NPIs lie outside them
        KeyList keys = KeyList.of(npis);
        List<Object> args = new ArrayList<>();
        args.add(month.toString());
        args.addAll(keys.args());
        rows("SELECT " + COLUMNS + " FROM codecred.provider_metric WHERE month = ? AND " + keys.condition("npi")
                + " ORDER BY npi, metric_id", args, row -> byNpi.computeIfAbsent(row.npi(), k -> new ArrayList<>()).add(row));
        return byNpi;
    }

    /**
     * {@link #ofProvider} for providers scattered over the roster (a few in a hundred), every one with an
     * entry: the database finds each by index, the staging engine (no index: a query per provider would
     * scan the month each time) all of them in one query.
     */
    public Map<String, List<ProviderMetric>> ofScatteredProviders(YearMonth month, Collection<String> npis) {
        if (engine == null) {
            Map<String, List<ProviderMetric>> byNpi = new HashMap<>();
            npis.forEach(npi -> byNpi.put(npi, ofProvider(month, npi)));
            return byNpi;
        }
        Map<String, List<ProviderMetric>> byNpi = ofProviders(month, npis);
        npis.forEach(npi -> byNpi.putIfAbsent(npi, new ArrayList<>()));
        return byNpi;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Runs a query of {@link #COLUMNS} in whichever store holds the rows, each row to {@code sink}. The
     * staging engine's rows are read with DuckDB's typed chunk reader (a column's values straight from
     * its vectors), as the claim lines are: JDBC's ResultSet boxes every cell before it is read.
     */
    private void rows(String sql, List<Object> args, Consumer<ProviderMetric> sink) {
        if (engine == null) {
            jdbc.query(sql, (RowCallbackHandler) rs -> sink.accept(ROW_MAPPER.mapRow(rs, 0)), args.toArray());
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            engineRows(c, sql, args, sink);
            return null;
        });
    }

    private static void engineRows(Connection c, String sql, List<Object> args, Consumer<ProviderMetric> sink)
            throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            try (DuckDBChunkedResult result = statement.unwrap(DuckDBPreparedStatement.class).query()) {
                while (result.nextChunk()) {
                    DuckDBDataChunkReader chunk = result.chunk();
                    DuckDBReadableVector npi = chunk.vector(0);
                    DuckDBReadableVector id = chunk.vector(1);
                    DuckDBReadableVector value = chunk.vector(2);
                    DuckDBReadableVector group = chunk.vector(3);
                    DuckDBReadableVector size = chunk.vector(4);
                    DuckDBReadableVector median = chunk.vector(5);
                    DuckDBReadableVector threshold = chunk.vector(6);
                    for (long r = 0, rows = chunk.rowCount(); r < rows; r++) {
                        sink.accept(new ProviderMetric(npi.getString(r), id.getString(r),
                                value.isNull(r) ? null : value.getDouble(r), group.getString(r),
                                size.isNull(r) ? null : size.getInt(r), median.isNull(r) ? null : median.getDouble(r),
                                threshold.isNull(r) ? null : threshold.getDouble(r)));
                    }
                }
            }
        }
    }
}
