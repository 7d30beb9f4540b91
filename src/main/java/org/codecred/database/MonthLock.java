package org.codecred.database;

import java.time.YearMonth;

/**
 * Keeps two processes from running the same month at once; {@link Dialect#monthLock} picks the one
 * that fits the database. On an embedded file database the command takes {@link RunLock} (an
 * operating-system lock beside the database) before the database is even opened, and holds it for
 * the whole run, so the lock here always succeeds; a server database needs a lock of its own.
 */
public interface MonthLock {

    /** True when this process now holds {@code month}; false when another process does. */
    boolean tryAcquire(YearMonth month);

    void release(YearMonth month);

    /** The lock for a file database guarded by {@link RunLock} before Spring starts ({@link Dialect#fileDatabase}). */
    MonthLock PROCESS_EXCLUSIVE_DATABASE = new MonthLock() {
        @Override
        public boolean tryAcquire(YearMonth month) {
            return true;
        }

        @Override
        public void release(YearMonth month) {
        }
    };
}
