package org.codecred.history;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V10 (issue 27): a completed month's provider metrics move from one row per metric
 * ({@code history_metric}, about 40 rows a provider) to one row per provider
 * ({@code history_metric_values}), every recorded month with them, packed as {@link MetricHistoryTable}
 * packs them, identically on HSQLDB and PostgreSQL.
 *
 * <p>Months of 20,000 providers are 800,000 metric rows each, more than one HSQLDB transaction should
 * hold for 24 months, so this runs outside Flyway's transaction and commits month by month. Killed
 * halfway, it has no entry in Flyway's history and runs again: the table is created if missing, each
 * month's rows are cleared before it is packed, and the former table goes last.
 */
public final class MetricsPerProvider implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10");
    }

    @Override
    public String getDescription() {
        return "history metrics one row per provider";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        java.sql.Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        MetricHistoryTable.migrateToOneRowPerProvider(jdbc,
                context.getConfiguration().getPlaceholders().getOrDefault("table_type", ""),
                () -> {
                    try {
                        if (!connection.getAutoCommit()) {
                            connection.commit();
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("cannot commit the metrics moved so far: " + e.getMessage(), e);
                    }
                });
    }
}
