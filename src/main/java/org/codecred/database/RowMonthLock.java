package org.codecred.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
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
 * The running-month guard on a server database other than PostgreSQL and HSQLDB: the month's row
 * of {@code codecred.month_lock}, locked with {@code SELECT ... FOR UPDATE NOWAIT} in a
 * transaction that stays open on a connection of its own for the whole run (Oracle, MySQL 8,
 * MariaDB 10.3 and later accept this). The database rolls the transaction back when the process
 * dies, which frees the month.
 */
public final class RowMonthLock implements MonthLock {

    private static final Logger log = LoggerFactory.getLogger(RowMonthLock.class);

    private final ConnectionSource connections;
    private final Map<YearMonth, Connection> held = new ConcurrentHashMap<>();

    public RowMonthLock(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public boolean tryAcquire(YearMonth month) {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            insertRowIfMissing(connection, month);
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT locked_month FROM codecred.month_lock WHERE locked_month = ? FOR UPDATE NOWAIT")) {
                ps.setString(1, month.toString());
                ps.executeQuery().close();
            } catch (SQLException e) {
                if (!lockNotAvailable(e)) {
                    throw e;
                }
                log.debug("month {}: lock row is held elsewhere ({})", month, e.getMessage());
                connection.rollback();
                connection.close();
                return false;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE codecred.month_lock SET holder = ?, acquired_at = ? WHERE locked_month = ?")) {
                ps.setString(1, holder());
                ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
                ps.setString(3, month.toString());
                ps.executeUpdate();
            }
            held.put(month, connection);
            return true;
        } catch (SQLException e) {
            MonthLocks.closeQuietly(connection);
            throw new IllegalStateException("cannot lock month " + month + " in codecred.month_lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(YearMonth month) {
        // the row lock lives as long as the transaction that took it
        MonthLocks.release(month, held.remove(month), Connection::rollback);
    }

    static void insertRowIfMissing(Connection connection, YearMonth month) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT COUNT(*) FROM codecred.month_lock WHERE locked_month = ?")) {
            exists.setString(1, month.toString());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO codecred.month_lock (locked_month) VALUES (?)")) {
            insert.setString(1, month.toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // 23xxx: another process inserted the row first, which is fine
            }
        }
    }

    /** PostgreSQL 55P03, Oracle ORA-00054, MySQL/MariaDB 3572 (and 1205 lock wait timeout). */
    static boolean lockNotAvailable(SQLException e) {
        return "55P03".equals(e.getSQLState()) || e.getErrorCode() == 54 || e.getErrorCode() == 3572
                || e.getErrorCode() == 1205;
    }

    static String holder() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        return (ManagementFactory.getRuntimeMXBean().getName() + " " + host).strip();
    }
}
