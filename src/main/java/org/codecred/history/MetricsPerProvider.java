package org.codecred.history;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V10 (issue 27): a completed month's provider metrics move from one row per metric
 * ({@code history_metric}, about 40 rows a provider) to one row per provider
 * ({@code history_metric_values}), every recorded month with them, packed as {@link MetricHistoryTable}
 * packs them, identically on HSQLDB and PostgreSQL.
 *
 * <p>It commits month by month ({@link CommittingMigration}): the table is created if missing, each
 * month's rows are cleared before it is packed, and the former table goes last.
 */
public final class MetricsPerProvider extends CommittingMigration {

    public MetricsPerProvider() {
        super("10", "history metrics one row per provider");
    }

    @Override
    public void migrate(Context context) throws Exception {
        java.sql.Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        MetricHistoryTable.migrateToOneRowPerProvider(jdbc,
                context.getConfiguration().getPlaceholders().getOrDefault("table_type", ""),
                () -> commit(connection, "the metrics moved so far"));
    }
}
