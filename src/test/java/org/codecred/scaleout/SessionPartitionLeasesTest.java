package org.codecred.scaleout;

import org.codecred.database.Dialect;
import org.codecred.database.SessionLocks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Partition leases on a real PostgreSQL server: a lease held by one process is refused to another,
 * and the database frees it as soon as the holder's session ends — the way a killed worker's
 * partitions become visible to the manager. Skipped when no server answers (see RemotePartitioningTest).
 */
@Tag("slow")
class SessionPartitionLeasesTest {

    private final List<Connection> worker = new ArrayList<>();

    private Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(RemotePartitioningTest.URL, RemotePartitioningTest.USER, RemotePartitioningTest.PASSWORD);
        } catch (SQLException e) {
            abort("PostgreSQL not reachable at " + RemotePartitioningTest.URL + ": " + e.getMessage());
            throw e;
        }
    }

    @Test
    void aHeldLeaseIsRefusedUntilItsHolderGoes() throws SQLException {
        SessionLocks advisoryLocks = Dialect.forUrl(RemotePartitioningTest.URL).sessionLocks().orElseThrow();
        SessionPartitionLeases workerSide = new SessionPartitionLeases(() -> {
            Connection c = connect();
            worker.add(c);
            return c;
        }, advisoryLocks);
        SessionPartitionLeases managerSide = new SessionPartitionLeases(this::connect, advisoryLocks);
        long partition = 9_000_001L;

        workerSide.hold(partition);
        assertThat(managerSide.tryHold(partition)).as("a live worker holds it").isFalse();
        assertThat(managerSide.tryHold(partition + 1)).as("another partition is free").isTrue();
        managerSide.release(partition + 1);

        for (Connection c : worker) {
            c.close(); // what kill -9 does to the worker's session
        }
        assertThat(managerSide.tryHold(partition)).as("freed with the worker's session").isTrue();
        managerSide.release(partition);
        assertThat(managerSide.tryHold(partition)).as("released by the manager too").isTrue();
        managerSide.release(partition);
    }
}
