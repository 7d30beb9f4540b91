package org.codecred.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;

/** What the month locks share: letting a held month go on its own session. */
final class MonthLocks {

    private static final Logger log = LoggerFactory.getLogger(MonthLocks.class);

    private MonthLocks() {
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
