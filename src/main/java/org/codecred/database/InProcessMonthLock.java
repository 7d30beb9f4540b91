package org.codecred.database;

import java.time.YearMonth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running-month guard for an in-memory HSQLDB database ({@code jdbc:hsqldb:mem:}): such a
 * database lives inside one JVM, so only runs in that JVM can share it, and a lock held in the JVM
 * is exact. Keyed by database URL and month.
 */
public final class InProcessMonthLock implements MonthLock {

    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final String database;

    public InProcessMonthLock(String database) {
        this.database = database;
    }

    @Override
    public boolean tryAcquire(YearMonth month) {
        return HELD.add(database + "|" + month);
    }

    @Override
    public void release(YearMonth month) {
        HELD.remove(database + "|" + month);
    }
}
