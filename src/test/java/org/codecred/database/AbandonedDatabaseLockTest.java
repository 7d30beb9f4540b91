package org.codecred.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock file a killed run leaves behind: HSQLDB's own, read and waited out, never removed by hand. */
class AbandonedDatabaseLockTest {

    @Test
    void readsTheHeartbeatOfARealHsqldbLockFile(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("codecred");
        try (Connection c = open(db)) {
            Long heartbeat = AbandonedDatabaseLock.heartbeat(tmp.resolve("codecred.lck"));
            assertThat(heartbeat).isNotNull();
            assertThat(Math.abs(System.currentTimeMillis() - heartbeat)).isLessThan(60_000);
        }
        assertThat(Files.exists(tmp.resolve("codecred.lck"))).as("HSQLDB removes its lock file on shutdown").isFalse();
        AbandonedDatabaseLock.awaitTakeover(db); // nothing to wait for
    }

    @Test
    void notAnHsqldbLockFileIsLeftToHsqldb(@TempDir Path tmp) throws Exception {
        Path lockFile = tmp.resolve("codecred.lck");
        Files.writeString(lockFile, "not a lock");
        assertThat(AbandonedDatabaseLock.heartbeat(lockFile)).isNull();
        assertThat(AbandonedDatabaseLock.heartbeat(tmp.resolve("absent.lck"))).isNull();
    }

    @Test
    void aLockLeftByAKilledProcessIsWaitedOutSoTheDatabaseOpens(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("codecred");
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INT)");
        }
        // what kill -9 leaves: the lock file with a heartbeat written a moment before the process died
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("HSQLLOCK");
            out.writeLong(System.currentTimeMillis() - 9_500);
        }
        Files.write(tmp.resolve("codecred.lck"), bytes.toByteArray());

        AbandonedDatabaseLock.awaitTakeover(db);

        // HSQLDB checks once instead of polling for nine seconds: the wait alone must have made the lock stale
        String retries = System.setProperty("hsqldb.lockfile_poll_retries", "1");
        try (Connection c = open(db); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT COUNT(*) FROM t").next()).isTrue();
        } finally {
            if (retries == null) {
                System.clearProperty("hsqldb.lockfile_poll_retries");
            } else {
                System.setProperty("hsqldb.lockfile_poll_retries", retries);
            }
        }
    }

    private static Connection open(Path db) throws Exception {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + db + ";shutdown=true", "SA", "");
    }
}
