package org.codecred.alignment;

import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.StagingEngine;
import org.codecred.staging.StagingSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider metrics answer the same in both stores (the database and the staging engine), and the
 * staging engine's writes, which commit apart from the step's transaction, can be repeated: a chunk
 * written twice is there once, the peer figures set twice are the same.
 */
class MetricTableTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final String A = "1000000001";
    private static final String B = "1000000002";
    private static final String C = "1000000003";

    @TempDir
    Path tmp;

    private StagingEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private MetricTable table(String store) {
        if (store.equals("engine")) {
            engine = StagingEngine.open(tmp.resolve("staging.duckdb"));
            return new MetricTable(engine);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:metrics" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        return new MetricTable(jdbc);
    }

    private static List<MetricTable.Measured> chunk() {
        return List.of(
                new MetricTable.Measured(A, "social-worker", List.of(new MetricValue(MetricIds.LINES, 20.0),
                        new MetricValue("share-90837", 0.3), new MetricValue("code:90837", 6.0),
                        new MetricValue("band:53+", 6.0), new MetricValue("services-per-day", null))),
                new MetricTable.Measured(B, "counselor", List.of(new MetricValue(MetricIds.LINES, 3.0),
                        new MetricValue("share-90837", 1.0))),
                new MetricTable.Measured(C, "counselor", List.of()));
    }

    /** Every row of the month, one provider after another, as the dossiers read them. */
    private static List<ProviderMetric> all(MetricTable table, YearMonth month) {
        List<ProviderMetric> rows = new ArrayList<>();
        table.ofProviders(month, List.of(A, B, C)).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.addAll(e.getValue()));
        return rows;
    }

    @Test
    void aChunkWrittenTwiceHasItsRowsOnce() {
        MetricTable table = table("engine");
        table.insert(MONTH, chunk());
        table.insert(SEPTEMBER, chunk());
        List<ProviderMetric> once = all(table, MONTH);

        // a kill after the engine committed the chunk and before the database did: the chunk comes again
        table.insert(MONTH, chunk());

        assertThat(all(table, MONTH)).hasSize(7).isEqualTo(once);
        assertThat(all(table, SEPTEMBER)).as("another month's rows of the same providers").hasSize(7);
    }

    @Test
    void aChunkWrittenAgainWithFewerMetricsLeavesNoneOfTheEarlierOnes() {
        MetricTable table = table("engine");
        table.insert(MONTH, chunk());

        table.insert(MONTH, List.of(new MetricTable.Measured(A, "social-worker", List.of(new MetricValue(MetricIds.LINES, 20.0))),
                new MetricTable.Measured(B, "counselor", List.of())));

        assertThat(all(table, MONTH)).extracting(m -> m.npi() + " " + m.id()).containsExactly(A + " " + MetricIds.LINES);
    }

    @Test
    void aChunkThatFailsLeavesTheRowsBeforeIt() {
        MetricTable table = table("engine");
        table.insert(MONTH, chunk());
        List<ProviderMetric> before = all(table, MONTH);

        // a metric without an id breaks the append after the chunk's delete: neither commits
        assertThatThrownBy(() -> table.insert(MONTH, List.of(new MetricTable.Measured(A, "social-worker",
                List.of(new MetricValue(MetricIds.LINES, 21.0), new MetricValue(null, 1.0))))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(all(table, MONTH)).isEqualTo(before);
    }

    @Test
    void rowsAppendedAfterTheDeleteOfATransactionThatRollsBackAreNotThere() {
        MetricTable table = table("engine");
        // what the chunk's write relies on: the Appender's flush is part of the transaction, not a commit of its
        // own. DuckDB's JDBC driver begins the transaction at the connection's first statement: an Appender used
        // before any statement commits by itself (so the chunk's DELETE comes first)
        assertThatThrownBy(() -> engine.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("DELETE FROM codecred.provider_metric WHERE month = '2026-10' AND npi = '1'");
            }
            try (var rows = c.unwrap(org.duckdb.DuckDBConnection.class).createAppender("codecred", "provider_metric")) {
                rows.beginRow().append(MONTH.toString()).append(A).append(MetricIds.LINES).append(1.0).append("x")
                        .appendNull().appendNull().appendNull().endRow();
                rows.flush();
            }
            throw new java.sql.SQLException("killed before the commit");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(table.linesByProvider(MONTH)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "database"})
    void thePeerFiguresAreSetOnTheirRowsOnlyAndSetAgainTheSame(String store) {
        MetricTable table = table(store);
        table.insert(MONTH, chunk());
        table.insert(SEPTEMBER, chunk());
        List<MetricTable.PeerFigures> figures = List.of(
                new MetricTable.PeerFigures(A, "share-90837", 6, 0.4, 0.9, "social-worker|trauma"),
                new MetricTable.PeerFigures(B, "share-90837", 0, null, null, "counselor"),
                new MetricTable.PeerFigures(C, "share-90837", 3, 0.5, null, "counselor")); // C has no such row

        table.updatePeerFigures(MONTH, figures);
        List<ProviderMetric> once = all(table, MONTH);
        table.updatePeerFigures(MONTH, figures); // comparePeers redone after a kill

        assertThat(all(table, MONTH)).isEqualTo(once).hasSize(7);
        assertThat(once).filteredOn(m -> m.id().equals("share-90837")).containsExactly(
                new ProviderMetric(A, "share-90837", 0.3, "social-worker|trauma", 6, 0.4, 0.9),
                new ProviderMetric(B, "share-90837", 1.0, "counselor", 0, null, null));
        assertThat(once).filteredOn(m -> !m.id().equals("share-90837")).allSatisfy(m -> {
            assertThat(m.peerSize()).isNull();
            assertThat(m.peerMedian()).isNull();
        });
        assertThat(all(table, SEPTEMBER)).as("another month").allSatisfy(m -> assertThat(m.peerSize()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"engine", "database"})
    void theReadsAnswerTheSameInBothStores(String store) {
        MetricTable table = table(store);
        table.insert(MONTH, chunk());
        table.insert(SEPTEMBER, List.of(new MetricTable.Measured(C, "counselor", List.of(new MetricValue(MetricIds.LINES, 9.0)))));

        assertThat(table.linesByProvider(MONTH)).isEqualTo(Map.of(A, 20L, B, 3L));
        assertThat(table.ofProvider(MONTH, A)).extracting(ProviderMetric::id)
                .containsExactly("band:53+", "code:90837", MetricIds.LINES, "services-per-day", "share-90837");
        assertThat(table.ofProviders(MONTH, List.of(B, A, C))).containsOnlyKeys(A, B);
        assertThat(table.ofProviders(MONTH, List.of(A)).get(A)).isEqualTo(table.ofProvider(MONTH, A));
        assertThat(table.ofScatteredProviders(MONTH, List.of(A, C))).containsOnlyKeys(A, C)
                .containsEntry(C, List.of()).containsEntry(A, table.ofProvider(MONTH, A));
        List<String> kept = new ArrayList<>();
        table.forEachExceptCounts(MONTH, m -> kept.add(m.npi() + " " + m.id()));
        assertThat(kept).containsExactlyInAnyOrder(A + " " + MetricIds.LINES, A + " share-90837", A + " services-per-day",
                B + " " + MetricIds.LINES, B + " share-90837");
        List<ProviderMetric> compared = new ArrayList<>();
        table.forEach(MONTH, List.of("share-90837", "services-per-day"), compared::add);
        assertThat(compared).containsExactlyInAnyOrder(
                new ProviderMetric(A, "share-90837", 0.3, "social-worker", null, null, null),
                new ProviderMetric(A, "services-per-day", null, "social-worker", null, null, null),
                new ProviderMetric(B, "share-90837", 1.0, "counselor", null, null, null));
    }

    @Test
    void aNewRunOfTheMonthClearsItsMetricsInTheStagingEngineAndKeepsOtherMonths() {
        MetricTable table = table("engine");
        table.insert(MONTH, chunk());
        table.insert(SEPTEMBER, chunk());

        new ClaimLineTable(engine).clearEngineMonth(MONTH);

        assertThat(all(table, MONTH)).isEmpty();
        assertThat(all(table, SEPTEMBER)).hasSize(7);
    }
}
