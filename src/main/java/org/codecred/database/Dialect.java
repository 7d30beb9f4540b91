package org.codecred.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Everything CodeCred does differently from one database to another, decided once from the JDBC URL:
 * where the database lives, how a month is locked, how rows are loaded and cleared, whether the
 * automatic checkpoint must pause, and the variants of its DDL. No other class looks at a JDBC URL
 * or a product name. The embedded default is HSQLDB ({@link HsqldbDialect}); a shared server is
 * PostgreSQL ({@link PostgresDialect}); any other JDBC database gets portable SQL and a locked row
 * ({@link JdbcDialect}). A further engine is one more implementation and one line in {@link #forUrl}.
 */
public interface Dialect {

    /** The dialect of the database a JDBC URL names. */
    static Dialect forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(HsqldbDialect.PREFIX)) {
            return HsqldbDialect.of(url);
        }
        if (lower.startsWith(PostgresDialect.PREFIX)) {
            return new PostgresDialect(url);
        }
        return new JdbcDialect(url);
    }

    /**
     * The embedded database at {@code db} that a run opens when no {@code spring.datasource.url} is
     * given (application.properties holds its full URL).
     */
    static Dialect embedded(Path db) {
        return HsqldbDialect.of(HsqldbDialect.PREFIX + "file:" + db);
    }

    /** The dialect of the database behind a DataSource. */
    static Dialect of(DataSource dataSource) {
        return forUrl(urlOf(dataSource));
    }

    static String urlOf(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return hikari.getJdbcUrl();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** The database's name for messages ("HSQLDB", "PostgreSQL"). */
    String name();

    /** The JDBC URL this dialect was chosen for. */
    String url();

    /**
     * The embedded file database this URL opens (its path without the file suffixes), when it is one:
     * the command guards it with {@link RunLock} before it opens, and only one process can open it.
     */
    default Optional<Path> fileDatabase() {
        return Optional.empty();
    }

    /**
     * The file of the embedded staging engine (DuckDB) for claim lines, when this database has one:
     * beside an embedded file database, never beside a shared one (its workers could not reach it).
     * Without one, claim lines are staged in this database (docs/database.md, the staging engine).
     */
    default Optional<Path> stagingEngine() {
        return fileDatabase().map(db -> db.resolveSibling(db.getFileName() + "-staging.duckdb"));
    }

    /** Whether other processes, on other machines too, reach the same data (scale-out workers need this). */
    boolean shared();

    /** The running-month guard for this database, on sessions of its own from {@code connections}. */
    MonthLock monthLock(ConnectionSource connections);

    /** Locks a session holds until it lets them go or ends, when the database has them. */
    default Optional<SessionLocks> sessionLocks() {
        return Optional.empty();
    }

    /**
     * Sessions opened beside the pool, for locks held a whole run, so that a held lock never takes a
     * connection from the steps. Without a Hikari pool, pooled connections are used.
     */
    default ConnectionSource dedicatedConnections(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            nameLockSession(properties);
            return () -> new com.zaxxer.hikari.util.DriverDataSource(hikari.getJdbcUrl(), hikari.getDriverClassName(),
                    properties, hikari.getUsername(), hikari.getPassword()).getConnection();
        }
        return dataSource::getConnection;
    }

    /** Names a lock's own session for the database's session list, where its driver knows how. */
    default void nameLockSession(Properties connectionProperties) {
    }

    /** SQL each pooled session runs once when it opens, or null. */
    default String sessionInitSql() {
        return null;
    }

    /** The database's automatic checkpoint, which partitions running side by side may need paused. */
    default AutomaticCheckpoint automaticCheckpoint(JdbcTemplate jdbc) {
        return AutomaticCheckpoint.NONE;
    }

    /** Whether bulk rows go in through {@link PostgresCopy} rather than batched INSERTs. */
    default boolean copiesRows() {
        return false;
    }

    /**
     * A DELETE of at most {@code ?2} rows of month {@code ?1} from {@code table} (parameters: month,
     * limit), so that clearing millions of rows never holds them all in one transaction.
     */
    default String deleteSomeOfMonth(String table) {
        return deleteSomeOfMonth(table, "month");
    }

    /** {@link #deleteSomeOfMonth(String)} of a table whose month is in {@code monthColumn}. */
    String deleteSomeOfMonth(String table, String monthColumn);

    /** Values of the {@code ${name}} placeholders in the schema's migrations (docs/database.md). */
    Map<String, String> schemaPlaceholders();

    /** An unquoted identifier as the catalog stores it (HSQLDB: upper case, PostgreSQL: lower case). */
    String storedIdentifier(String identifier);

    /** Whether a failed start means that another program holds this database open. */
    default boolean openElsewhere(Throwable failure) {
        return false;
    }
}
