package org.codecred.scaleout;

import org.codecred.job.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partition leases on PostgreSQL: a session-level advisory lock
 * {@code (NAMESPACE, step execution id)} on a connection opened for that one partition, outside the
 * job's pool. PostgreSQL frees it when the session ends, which is what makes a killed worker visible.
 */
public final class PostgresPartitionLeases implements PartitionLeases {

    /** First half of the lock key, "CdCp" in ASCII: apart from the month locks' "CdCr". */
    static final int NAMESPACE = 0x43644370;

    private static final Logger log = LoggerFactory.getLogger(PostgresPartitionLeases.class);

    private final ConnectionSource connections;
    private final Map<Long, Connection> held = new ConcurrentHashMap<>();

    public PostgresPartitionLeases(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void hold(long stepExecutionId) {
        lock(stepExecutionId, "SELECT pg_advisory_lock(?, ?) IS NOT NULL");
    }

    @Override
    public boolean tryHold(long stepExecutionId) {
        return lock(stepExecutionId, "SELECT pg_try_advisory_lock(?, ?)");
    }

    private boolean lock(long id, String sql) {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            boolean acquired;
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, (int) id); // ids stay far below 2^31; a wrap would only share a lease
                try (ResultSet rs = ps.executeQuery()) {
                    acquired = rs.next() && rs.getBoolean(1);
                }
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
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, (int) stepExecutionId);
            ps.execute();
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
