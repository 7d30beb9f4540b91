package org.codecred.history;

import org.codecred.alignment.ProviderMetric;
import org.codecred.staging.StagingSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * history_metric's layout since V8: one index, its primary key led by the month. One provider's
 * metrics over a range of months come month by month through the completed months, and metrics
 * written under V1's two indexes keep every row when the second one goes.
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
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN PLAN FOR SELECT m.history_month, m.metric_id,"
                + " m.metric_value FROM codecred.history_run r JOIN codecred.history_metric m"
                + " ON m.history_month = r.history_month AND m.npi = ? WHERE r.history_month >= ? AND r.history_month < ?",
                String.class));
        // each completed month's rows by the primary key's first two columns, the month and the NPI
        String metricAccess = plan.substring(plan.indexOf("table=HISTORY_METRIC"));
        assertThat(metricAccess).as(plan).contains("join condition = [index=SYS_PK")
                .contains("HISTORY_METRIC.HISTORY_MONTH").contains("HISTORY_METRIC.NPI").doesNotContain("FULL SCAN");
    }

    @Test
    void metricsWrittenWithTwoIndexesKeepEveryRowAndAnswerTheSameWithOne() {
        JdbcTemplate jdbc = database();
        // the schema as a release of V7 left it, with metrics in it
        Flyway.configure(StagingSchema.class.getClassLoader()).dataSource(jdbc.getDataSource()).schemas("CODECRED")
                .locations("classpath:db/migration").placeholders(Map.of("table_type", "CACHED")).target("7")
                .load().migrate();
        assertThat(indexes(jdbc)).hasSize(2);
        MetricHistoryTable metrics = new HistoryTables(jdbc).metrics;
        write(jdbc, metrics);
        List<Map<String, Object>> before = rows(jdbc);
        Map<YearMonth, Map<String, Double>> answered = metrics.ofProvider(NPI, JULY, OCTOBER);

        new StagingSchema(jdbc).create();

        assertThat(indexes(jdbc)).as("the primary key only").hasSize(1);
        assertThat(rows(jdbc)).hasSize(4).isEqualTo(before);
        assertThat(metrics.ofProvider(NPI, JULY, OCTOBER)).hasSize(2).isEqualTo(answered);
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
        return jdbc.queryForList("SELECT * FROM codecred.history_metric ORDER BY 1, 2, 3");
    }

    private static List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT DISTINCT index_name FROM information_schema.system_indexinfo"
                + " WHERE table_schem = 'CODECRED' AND table_name = 'HISTORY_METRIC'", String.class);
    }

    private static JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:metric-history" + System.nanoTime(), "SA", ""));
    }
}
