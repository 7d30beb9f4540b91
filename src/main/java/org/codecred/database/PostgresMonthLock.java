package org.codecred.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running-month guard on PostgreSQL: a session-level advisory lock
 * ({@code pg_try_advisory_lock(NAMESPACE, yyyymm)}) taken on a connection of its own that stays
 * open for the whole run. PostgreSQL drops the lock with the session, so a killed process (even
 * {@code kill -9}) frees its month as soon as its connection closes, and the next run finds the
 * stale execution and resumes it. Advisory locks are per database: two databases on one server
 * do not block each other.
 */
public final class PostgresMonthLock implements MonthLock {

    /** First half of the lock key, "CdCr" in ASCII, so CodeCred's keys stay apart from other applications'. */
    public static final int NAMESPACE = 0x43644372;

    private final ConnectionSource connections;
    private final SessionLocks locks;
    private final Map<YearMonth, Connection> held = new ConcurrentHashMap<>();

    PostgresMonthLock(ConnectionSource connections, SessionLocks locks) {
        this.connections = connections;
        this.locks = locks;
    }

    /** Second half of the lock key: the month as the number yyyymm (2026-10 is 202610). */
    public static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    @Override
    public boolean tryAcquire(YearMonth month) {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            if (locks.tryLock(connection, NAMESPACE, key(month))) {
                held.put(month, connection);
                return true;
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            MonthLocks.closeQuietly(connection);
            throw new IllegalStateException("cannot take the PostgreSQL lock of month " + month + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(YearMonth month) {
        MonthLocks.release(month, held.remove(month), connection -> locks.unlock(connection, NAMESPACE, key(month)));
    }
}
