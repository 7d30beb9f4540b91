package org.codecred.staging;

import com.zaxxer.hikari.HikariDataSource;
import org.codecred.database.Dialect;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the schema {@code codecred} as soon as the DataSource exists, before Spring Batch creates
 * its BATCH_* tables. On PostgreSQL, unqualified tables go to the first schema of the search path
 * that exists, and the default path starts with the user's own name: for a user called
 * {@code codecred}, the BATCH_* tables would land in {@code public} on the first run (schema not yet
 * there) and be created again, empty, in {@code codecred} on the next one, losing every run's
 * history. With the schema always there first, the job repository stays in one place.
 *
 * <p>CodeCred's own tables are migrated to the newest version right then too ({@link StagingSchema}),
 * while the schema holds nothing but them: before the job repository, and before any bean reads a table.
 *
 * <p>It also gives each pooled session the database's own settings ({@link Dialect#sessionInitSql}:
 * on HSQLDB, large query results kept off the heap).
 */
@Component
public class StagingNamespace implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            // before the pool opens any session
            String init = Dialect.forUrl(hikari.getJdbcUrl()).sessionInitSql();
            if (init != null) {
                hikari.setConnectionInitSql(init);
            }
        }
        if (bean instanceof DataSource dataSource) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS codecred");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the schema codecred: " + e.getMessage(), e);
            }
            new StagingSchema(new JdbcTemplate(dataSource)).create();
        }
        return bean;
    }
}
