package org.codecred.history;

import org.codecred.alignment.ProviderMetric;
import org.codecred.staging.StagingSchema;
import org.codecred.testing.EarlierSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A completed month's provider metrics, one row per provider since V10 (history_metric_values,
 * its primary key led by the month). One provider's metrics over a range of months come month by
 * month through the completed months, each value reads back exactly as written, and metrics an
 * earlier release wrote one row per metric move into it whole.
 */
class MetricHistoryTableTest {

    private static final YearMonth JULY = YearMonth.of(2026, 7);
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String NPI = "1900000001";
    private static final String OTHER_NPI = "1900000002";

    @Test
    void aProvidersMetricsComePerCompletedMonthOfTheRange() {
        JdbcTemplate jdbc = database();
        new StagingSchema(jdbc).create();
        MetricHistoryTable metrics = new HistoryTables(jdbc).metrics;
        write(jdbc, metrics);

        assertThat(metrics.ofProvider(NPI, JULY, OCTOBER)).isEqualTo(Map.of(
                JULY, Map.of("share_90837", 0.5, "services_per_day", 4.0),
                AUGUST, Map.of("share_90837", 0.25)));
        assertThat(metrics.ofProvider(NPI, AUGUST, OCTOBER)).as("from August on").containsOnlyKeys(AUGUST);
        assertThat(metrics.ofProvider(NPI, JULY, AUGUST)).as("to before August").containsOnlyKeys(JULY);
        assertThat(metrics.ofProvider(OTHER_NPI, JULY, OCTOBER)).isEqualTo(Map.of(JULY, Map.of("share_90837", 1.0)));
        assertThat(metrics.ofProvider("1900000009", JULY, OCTOBER)).as("a provider history never saw").isEmpty();
    }

    @Test
    void aProvidersMetricsAreFoundByThePrimaryKeyMonthByMonth() {
        JdbcTemplate jdbc = database();
        new StagingSchema(jdbc).create();

        assertThat(indexes(jdbc)).as("the primary key only").hasSize(1);
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN PLAN FOR SELECT m.history_month, m.metric_values"
                + " FROM codecred.history_run r JOIN codecred.history_metric_values m"
                + " ON m.history_month = r.history_month AND m.npi = ? WHERE r.history_month >= ? AND r.history_month < ?",
                String.class));
        // each completed month's rows by the primary key's first two columns, the month and the NPI
        String metricAccess = plan.substring(plan.indexOf("table=HISTORY_METRIC_VALUES"));
        assertThat(metricAccess).as(plan).contains("join condition = [index=SYS_PK")
                .contains("HISTORY_METRIC_VALUES.HISTORY_MONTH").contains("HISTORY_METRIC_VALUES.NPI").doesNotContain("FULL SCAN");
    }

    @Test
    void aMonthKeepsOneRowPerProvider() {
        JdbcTemplate jdbc = database();
        new StagingSchema(jdbc).create();
        write(jdbc, new HistoryTables(jdbc).metrics);

        assertThat(jdbc.queryForList("SELECT history_month || ' ' || npi FROM codecred.history_metric_values ORDER BY 1", String.class))
                .containsExactly("2026-07 " + NPI, "2026-07 " + OTHER_NPI, "2026-08 " + NPI);
        assertThat(new HistoryTables(jdbc).metrics.ofMonth(JULY, List.of("share_90837")))
                .isEqualTo(Map.of(NPI, Map.of("share_90837", 0.5), OTHER_NPI, Map.of("share_90837", 1.0)));
        assertThat(new HistoryTables(jdbc).metrics.ofMonth(JULY, List.of("services_per_day"))).as("only providers that have it")
                .isEqualTo(Map.of(NPI, Map.of("services_per_day", 4.0)));
    }

    @Test
    void everyValueReadsBackExactlyAMissingOneAsNone() {
        Map<String, Double> values = new java.util.HashMap<>();
        double[] awkward = {0.1 + 0.2, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 1e-300, 123456789.123456789,
                Double.NaN, Double.POSITIVE_INFINITY};
        for (int i = 0; i < awkward.length; i++) {
            values.put("metric_" + i, awkward[i]);
        }
        values.put("evidence:trauma", null);

        Map<String, Double> read = MetricHistoryTable.unpack(MetricHistoryTable.pack(values));

        assertThat(read).containsOnlyKeys(values.keySet()).containsEntry("evidence:trauma", null);
        for (int i = 0; i < awkward.length; i++) {
            assertThat(Double.doubleToRawLongBits(read.get("metric_" + i))).as("metric_" + i)
                    .isEqualTo(Double.doubleToRawLongBits(awkward[i]));
        }
        assertThat(MetricHistoryTable.unpack(MetricHistoryTable.pack(Map.of()))).isEmpty();
    }

    @Test
    void aMetricIdThatWouldBreakTheRowIsRefused() {
        assertThatThrownBy(() -> MetricHistoryTable.pack(Map.of("share\t90837", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tab or a line end");
    }

    @Test
    void metricsAnEarlierReleaseWroteARowPerMetricMoveIntoOneRowPerProvider() {
        JdbcTemplate jdbc = database();
        // the schema as a release of V7 left it (a row per metric, two indexes), with metrics in it
        EarlierSchema.migrateTo(jdbc, "7");
        String insert = "INSERT INTO codecred.history_metric (history_month, npi, metric_id, metric_value) VALUES (?, ?, ?, ?)";
        jdbc.update(insert, "2026-07", NPI, "services_per_day", 4.0);
        jdbc.update(insert, "2026-07", NPI, "share_90837", 0.1 + 0.2);
        jdbc.update(insert, "2026-07", NPI, "evidence:family", null);
        jdbc.update(insert, "2026-07", OTHER_NPI, "share_90837", 1.0);
        jdbc.update(insert, "2026-08", NPI, "share_90837", 0.25);
        HistoryRunTable runs = new HistoryTables(jdbc).runs;
        runs.insert(JULY, LocalDateTime.of(2026, 8, 2, 6, 0), 2, 4);
        runs.insert(AUGUST, LocalDateTime.of(2026, 9, 2, 6, 0), 1, 2);

        new StagingSchema(jdbc).create();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'CODECRED'"
                + " AND table_name = 'HISTORY_METRIC'", Integer.class)).as("the former table is gone").isZero();
        MetricHistoryTable metrics = new HistoryTables(jdbc).metrics;
        Map<String, Double> july = new java.util.HashMap<>(Map.of("services_per_day", 4.0, "share_90837", 0.1 + 0.2));
        july.put("evidence:family", null);
        assertThat(metrics.ofProvider(NPI, JULY, OCTOBER)).isEqualTo(Map.of(JULY, july, AUGUST, Map.of("share_90837", 0.25)));
        assertThat(metrics.ofProvider(OTHER_NPI, JULY, OCTOBER)).isEqualTo(Map.of(JULY, Map.of("share_90837", 1.0)));
        assertThat(rows(jdbc)).hasSize(3);
    }

    @Test
    void aMoveKilledHalfwayIsDoneAgainWhole() {
        JdbcTemplate jdbc = database();
        EarlierSchema.migrateTo(jdbc, "8");
        String insert = "INSERT INTO codecred.history_metric (history_month, npi, metric_id, metric_value) VALUES (?, ?, ?, ?)";
        jdbc.update(insert, "2026-07", NPI, "share_90837", 0.5);
        jdbc.update(insert, "2026-07", NPI, "services_per_day", 4.0);
        // a kill after July's first batch: the new table holds part of July, the former table is still there
        MetricHistoryTable.migrateToOneRowPerProvider(jdbc, "CACHED", () -> { });
        jdbc.execute("CREATE CACHED TABLE codecred.history_metric (history_month CHAR(7) NOT NULL, npi CHAR(10) NOT NULL,"
                + " metric_id VARCHAR(60) NOT NULL, metric_value DOUBLE PRECISION, PRIMARY KEY (history_month, npi, metric_id))");
        jdbc.update(insert, "2026-07", NPI, "share_90837", 0.5);
        jdbc.update(insert, "2026-07", NPI, "services_per_day", 4.0);
        jdbc.update(insert, "2026-07", OTHER_NPI, "share_90837", 1.0);
        jdbc.update("UPDATE codecred.history_metric_values SET metric_values = 'share_90837\t0.1\n'");

        new StagingSchema(jdbc).create();

        new HistoryTables(jdbc).runs.insert(JULY, LocalDateTime.of(2026, 8, 2, 6, 0), 2, 3);
        MetricHistoryTable metrics = new HistoryTables(jdbc).metrics;
        assertThat(metrics.ofProvider(NPI, JULY, OCTOBER)).isEqualTo(Map.of(JULY, Map.of("share_90837", 0.5, "services_per_day", 4.0)));
        assertThat(metrics.ofProvider(OTHER_NPI, JULY, OCTOBER)).isEqualTo(Map.of(JULY, Map.of("share_90837", 1.0)));
        assertThat(rows(jdbc)).hasSize(2);
    }

    /** July: NPI two metrics, OTHER_NPI one; August: NPI one; both completed. */
    private static void write(JdbcTemplate jdbc, MetricHistoryTable metrics) {
        metrics.insert(JULY, List.of(metric(NPI, "services_per_day", 4.0),
                metric(NPI, "share_90837", 0.5), metric(OTHER_NPI, "share_90837", 1.0)));
        metrics.insert(AUGUST, List.of(metric(NPI, "share_90837", 0.25)));
        HistoryRunTable runs = new HistoryTables(jdbc).runs;
        runs.insert(JULY, LocalDateTime.of(2026, 8, 2, 6, 0), 2, 4);
        runs.insert(AUGUST, LocalDateTime.of(2026, 9, 2, 6, 0), 1, 2);
    }

    private static ProviderMetric metric(String npi, String id, double value) {
        return new ProviderMetric(npi, id, value, null, null, null, null);
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT * FROM codecred.history_metric_values ORDER BY 1, 2");
    }

    private static List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.system_indexinfo"
                + " WHERE table_schem = 'CODECRED' AND table_name = 'HISTORY_METRIC_VALUES'", String.class);
    }

    private static JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:metric-history" + System.nanoTime(), "SA", ""));
    }
}
