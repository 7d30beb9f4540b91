package org.codecred.job;

/**
 * Keeps two processes from running the same month at once. On the embedded HSQLDB file database
 * the database's own file lock already does this (a second process cannot open it, exit 3), so the
 * default lock always succeeds; a server database needs a lock of its own.
 */
public interface MonthLock {

    /** True when this process now holds {@code month}; false when another process does. */
    boolean tryAcquire(String month);

    void release(String month);

    /** The lock for a database that locks itself for one process (HSQLDB file databases). */
    MonthLock PROCESS_EXCLUSIVE_DATABASE = new MonthLock() {
        @Override
        public boolean tryAcquire(String month) {
            return true;
        }

        @Override
        public void release(String month) {
        }
    };
}
