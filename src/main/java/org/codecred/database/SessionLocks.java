package org.codecred.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Locks a database session holds until it lets them go or ends, so that a killed process frees what
 * it held (PostgreSQL's advisory locks). A lock is named by two numbers: a namespace, so CodeCred's
 * keys stay apart from other applications', and a key within it.
 */
public interface SessionLocks {

    /** Takes the lock if no other session holds it; false when one does. */
    boolean tryLock(Connection session, int namespace, int key) throws SQLException;

    /** Waits until the session holds the lock. */
    void lock(Connection session, int namespace, int key) throws SQLException;

    void unlock(Connection session, int namespace, int key) throws SQLException;
}
