package org.codecred.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * PostgreSQL, the shared server of docs/postgresql.md: months are guarded by advisory locks
 * ({@link PostgresMonthLock}), claim lines load through COPY ({@link PostgresCopy}).
 */
public final class PostgresDialect implements Dialect {

    static final String PREFIX = "jdbc:postgresql:";

    private final String url;

    PostgresDialect(String url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public MonthLock monthLock(ConnectionSource connections) {
        return new PostgresMonthLock(connections, ADVISORY_LOCKS);
    }

    @Override
    public Optional<SessionLocks> sessionLocks() {
        return Optional.of(ADVISORY_LOCKS);
    }

    /** ApplicationName names the lock's session in pg_stat_activity. */
    @Override
    public void nameLockSession(Properties connectionProperties) {
        connectionProperties.putIfAbsent("ApplicationName", "codecred-month-lock");
    }

    @Override
    public boolean copiesRows() {
        return true;
    }

    /** PostgreSQL's DELETE has no LIMIT: the rows are picked by their physical address. */
    @Override
    public String deleteSomeOfMonth(String table, String monthColumn) {
        return "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + monthColumn + " = ? LIMIT ?)";
    }

    /** Every table is on disk already. */
    @Override
    public Map<String, String> schemaPlaceholders() {
        return Map.of("table_type", "", "binary_64k", "BYTEA");
    }

    @Override
    public String storedIdentifier(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** Session-level advisory locks: freed by pg_advisory_unlock or when the session ends. */
    private static final SessionLocks ADVISORY_LOCKS = new SessionLocks() {
        @Override
        public boolean tryLock(Connection session, int namespace, int key) throws SQLException {
            return query(session, "SELECT pg_try_advisory_lock(?, ?)", namespace, key);
        }

        @Override
        public void lock(Connection session, int namespace, int key) throws SQLException {
            query(session, "SELECT pg_advisory_lock(?, ?) IS NOT NULL", namespace, key);
        }

        @Override
        public void unlock(Connection session, int namespace, int key) throws SQLException {
            query(session, "SELECT pg_advisory_unlock(?, ?)", namespace, key);
        }

        private boolean query(Connection session, String sql, int namespace, int key) throws SQLException {
            try (PreparedStatement ps = session.prepareStatement(sql)) {
                ps.setInt(1, namespace);
                ps.setInt(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }
    };
}
