package org.codecred.database;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running-month guard on an HSQLDB server ({@code jdbc:hsqldb:hsql://...}). HSQLDB has no
 * NOWAIT row lock, so the month's row of {@code codecred.month_lock} names the server session that
 * holds it, claimed with a compare-and-set update. A holder whose session is gone from
 * {@code INFORMATION_SCHEMA.SYSTEM_SESSIONS} (its process died) no longer holds the month. The
 * session stays open for the whole run. Needs a DBA user (SA) to see the other sessions.
 */
public final class HsqldbServerMonthLock implements MonthLock {


    private final ConnectionSource connections;
    private final Map<YearMonth, Held> held = new ConcurrentHashMap<>();

    private record Held(Connection connection, long session) {
    }

    public HsqldbServerMonthLock(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public boolean tryAcquire(YearMonth month) {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            RowMonthLock.insertRowIfMissing(connection, month);
            long me = queryLong(connection, "VALUES (SESSION_ID())");
            Long holder = null;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT session_id FROM codecred.month_lock WHERE locked_month = ?")) {
                ps.setString(1, month.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        holder = (Long) rs.getObject(1, Long.class);
                    }
                }
            }
            if (holder != null && holder != me && sessionAlive(connection, holder)) {
                connection.close();
                return false;
            }
            int claimed;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE codecred.month_lock"
                    + " SET session_id = ?, holder = ?, acquired_at = ?"
                    + " WHERE locked_month = ? AND (session_id IS NULL OR session_id = ?)")) {
                ps.setLong(1, me);
                ps.setString(2, RowMonthLock.holder());
                ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
                ps.setString(4, month.toString());
                ps.setObject(5, holder == null ? me : holder, java.sql.Types.BIGINT);
                claimed = ps.executeUpdate();
            }
            if (claimed != 1) {
                connection.close(); // another process claimed it between our read and our update
                return false;
            }
            held.put(month, new Held(connection, me));
            return true;
        } catch (SQLException e) {
            MonthLocks.closeQuietly(connection);
            throw new IllegalStateException("cannot lock month " + month + " in codecred.month_lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(YearMonth month) {
        Held h = held.remove(month);
        if (h == null) {
            return;
        }
        MonthLocks.release(month, h.connection(), connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE codecred.month_lock SET session_id = NULL WHERE locked_month = ? AND session_id = ?")) {
                ps.setString(1, month.toString());
                ps.setLong(2, h.session());
                ps.executeUpdate();
            }
        });
    }

    private static boolean sessionAlive(Connection connection, long session) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_SESSIONS WHERE SESSION_ID = ?")) {
            ps.setLong(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
