package org.codecred.job;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Properties;

/**
 * Chooses the running-month guard for the database the job runs on, from its JDBC URL:
 * <ul>
 *   <li>HSQLDB file database: none here: the command holds {@link RunLock}, an operating-system
 *       lock a paused process cannot lose, from before the database opens until it is closed
 *       ({@link MonthLock#PROCESS_EXCLUSIVE_DATABASE});</li>
 *   <li>HSQLDB {@code mem:}: a lock inside this JVM, the only place such a database exists;</li>
 *   <li>HSQLDB server ({@code hsql://}, {@code hsqls://}, {@code http://}): {@link HsqldbServerMonthLock};</li>
 *   <li>PostgreSQL: an advisory lock ({@link PostgresMonthLock});</li>
 *   <li>any other database: a locked row ({@link RowMonthLock}).</li>
 * </ul>
 */
public final class MonthLocks {

    private static final Logger log = LoggerFactory.getLogger(MonthLocks.class);

    private MonthLocks() {
    }

    public static MonthLock forDataSource(DataSource dataSource) {
        String url = urlOf(dataSource);
        ConnectionSource connections = dedicatedConnections(dataSource);
        return forUrl(url, connections);
    }

    public static MonthLock forUrl(String url, ConnectionSource connections) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return new PostgresMonthLock(connections);
        }
        if (u.startsWith("jdbc:hsqldb:")) {
            String rest = u.substring("jdbc:hsqldb:".length());
            if (rest.startsWith("mem:")) {
                return new InProcessMonthLock(url);
            }
            if (rest.startsWith("hsql:") || rest.startsWith("hsqls:") || rest.startsWith("http:") || rest.startsWith("https:")) {
                return new HsqldbServerMonthLock(connections);
            }
            return MonthLock.PROCESS_EXCLUSIVE_DATABASE; // file: (or a bare path), res:
        }
        return new RowMonthLock(connections);
    }

    public static String urlOf(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return hikari.getJdbcUrl();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /**
     * The lock's own connection, opened beside the pool so that holding it for a whole run never
     * takes a connection away from the steps. Without a Hikari pool, one pooled connection is used.
     */
    public static ConnectionSource dedicatedConnections(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            properties.putIfAbsent("ApplicationName", "codecred-month-lock");
            return () -> new com.zaxxer.hikari.util.DriverDataSource(hikari.getJdbcUrl(), hikari.getDriverClassName(),
                    onlyFor(hikari.getJdbcUrl(), properties), hikari.getUsername(), hikari.getPassword()).getConnection();
        }
        return dataSource::getConnection;
    }

    /** ApplicationName names the lock's session in pg_stat_activity; other drivers may not know it. */
    private static Properties onlyFor(String url, Properties properties) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            properties.remove("ApplicationName");
        }
        return properties;
    }

    /** What a lock does on its own session to let the month go. */
    @FunctionalInterface
    interface Unlock {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Lets a held month go on its dedicated session, then closes the session. A failed unlock is only
     * logged: closing the session frees the lock (or the row lock) anyway.
     */
    static void release(YearMonth month, Connection connection, Unlock unlock) {
        if (connection == null) {
            return;
        }
        try {
            unlock.run(connection);
        } catch (SQLException e) {
            log.warn("month {}: releasing its lock failed ({}); closing the session frees it", month, e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends either way, and its locks with it
            }
        }
    }
}
