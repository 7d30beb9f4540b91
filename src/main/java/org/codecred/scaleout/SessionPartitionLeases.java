package org.codecred.scaleout;

import org.codecred.database.ConnectionSource;
import org.codecred.database.SessionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partition leases as session locks {@code (NAMESPACE, step execution id)} on a connection opened for
 * that one partition, outside the job's pool (PostgreSQL's advisory locks). The database frees a lock
 * when its session ends, which is what makes a killed worker visible.
 */
public final class SessionPartitionLeases implements PartitionLeases {

    /** First half of the lock key, "CdCp" in ASCII: apart from the month locks' "CdCr". */
    static final int NAMESPACE = 0x43644370;

    private static final Logger log = LoggerFactory.getLogger(SessionPartitionLeases.class);

    private final ConnectionSource connections;
    private final SessionLocks locks;
    private final Map<Long, Connection> held = new ConcurrentHashMap<>();

    public SessionPartitionLeases(ConnectionSource connections, SessionLocks locks) {
        this.connections = connections;
        this.locks = locks;
    }

    @Override
    public void hold(long stepExecutionId) {
        lock(stepExecutionId, true);
    }

    @Override
    public boolean tryHold(long stepExecutionId) {
        return lock(stepExecutionId, false);
    }

    private boolean lock(long id, boolean wait) {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            int key = (int) id; // ids stay far below 2^31; a wrap would only share a lease
            boolean acquired;
            if (wait) {
                locks.lock(connection, NAMESPACE, key);
                acquired = true;
            } else {
                acquired = locks.tryLock(connection, NAMESPACE, key);
            }
            if (acquired) {
                Connection previous = held.put(id, connection);
                closeQuietly(previous);
                return true;
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the lease of partition " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(long stepExecutionId) {
        Connection connection = held.remove(stepExecutionId);
        if (connection == null) {
            return;
        }
        try {
            locks.unlock(connection, NAMESPACE, (int) stepExecutionId);
        } catch (SQLException e) {
            log.warn("partition {}: releasing its lease failed ({}); closing the session frees it", stepExecutionId, e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    @Override
    public boolean tracksWorkers() {
        return true;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends either way, and its locks with it
            }
        }
    }
}
