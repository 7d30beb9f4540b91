package org.codecred.staging;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the schema {@code codecred} as soon as the DataSource exists, before Spring Batch creates
 * its BATCH_* tables. On PostgreSQL, unqualified tables go to the first schema of the search path
 * that exists, and the default path starts with the user's own name: for a user called
 * {@code codecred}, the BATCH_* tables would land in {@code public} on the first run (schema not yet
 * there) and be created again, empty, in {@code codecred} on the next one, losing every run's
 * history. With the schema always there first, the job repository stays in one place.
 *
 * <p>On HSQLDB it also keeps large query results off the heap (see {@link #HSQLDB_RESULT_MEMORY_ROWS}).
 */
@Component
public class StagingNamespace implements BeanPostProcessor {

    /** Rows of one query result HSQLDB keeps on the heap; larger results go to a temporary disk store. */
    static final int HSQLDB_RESULT_MEMORY_ROWS = 100_000;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:hsqldb:")) {
            // HSQLDB builds a query's whole result before returning its first row; the encounter-ordered
            // read of a 5-million-line month would not fit a 1 GB heap. Set per session, before the pool
            // opens any, because the database-wide default reaches only sessions opened after it is set.
            hikari.setConnectionInitSql("SET SESSION RESULT MEMORY ROWS " + HSQLDB_RESULT_MEMORY_ROWS);
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
        }
        return bean;
    }
}
