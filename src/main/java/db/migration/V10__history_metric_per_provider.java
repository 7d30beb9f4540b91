package db.migration;

import org.codecred.history.MetricHistoryTable;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 27: a completed month's provider metrics move from one row per metric
 * ({@code history_metric}, about 40 rows a provider) to one row per provider
 * ({@code history_metric_values}), and every existing row moves with them, a month at a time (a
 * month of 20,000 providers is about 800,000 metric rows; all months at once would not fit the heap).
 * In Java, as {@link MetricHistoryTable#migrateToOneRowPerProvider} packs them the way the recorder
 * does, identically on HSQLDB and PostgreSQL.
 */
public class V10__history_metric_per_provider extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        String tableType = context.getConfiguration().getPlaceholders().getOrDefault("table_type", "");
        // the migration's own connection, in Flyway's transaction; never closed here
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        MetricHistoryTable.migrateToOneRowPerProvider(jdbc, tableType);
    }
}
