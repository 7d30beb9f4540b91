package org.codecred.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * HSQLDB's lock file ({@code <db>.lck}) left behind by a process that ended abruptly (kill -9, a
 * power cut). HSQLDB refuses to open the database until that file's heartbeat is more than about ten
 * seconds old, polling for only about nine; so the same command run again straight after a crash was
 * refused as if another program had the database open. The command holds {@link RunLock} before this
 * is asked, so no CodeCred run can be writing the heartbeat: it waits, at most once and at most about
 * eleven seconds, until the heartbeat is old enough. A live program that still holds the database keeps
 * writing it, and then the open fails as before and is reported as such.
 */
public final class AbandonedDatabaseLock {

    private static final Logger log = LoggerFactory.getLogger(AbandonedDatabaseLock.class);

    /** HSQLDB's LockFile: the file starts with this, then the heartbeat as epoch milliseconds. */
    private static final byte[] MAGIC = "HSQLLOCK".getBytes(StandardCharsets.US_ASCII);
    /** HSQLDB takes over a lock whose heartbeat is older than 10.1 s (LockFile.HEARTBEAT_INTERVAL_PADDED). */
    static final long STALE_AFTER_MILLIS = 10_100;
    private static final long MARGIN_MILLIS = 500;

    private AbandonedDatabaseLock() {
    }

    /** Waits until HSQLDB will take over the lock file of the file database at {@code db}, when one is there. */
    public static void awaitTakeover(Path db) {
        Path lockFile = db.resolveSibling(db.getFileName() + ".lck");
        Long heartbeat = heartbeat(lockFile);
        if (heartbeat == null) {
            return;
        }
        long wait = heartbeat + STALE_AFTER_MILLIS + MARGIN_MILLIS - System.currentTimeMillis();
        if (wait <= 0 || wait > STALE_AFTER_MILLIS + MARGIN_MILLIS) {
            return; // already stale, or a heartbeat from the future (clock change): HSQLDB decides
        }
        log.info("the database {} was left locked by a process that ended abruptly; HSQLDB takes such a lock over "
                + "ten seconds after its last heartbeat: waiting {} s", db, (wait + 999) / 1000);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
    }

    /** The heartbeat written in an HSQLDB lock file; null when there is none or it is not one. */
    static Long heartbeat(Path lockFile) {
        try (InputStream in = Files.newInputStream(lockFile); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            return Arrays.equals(magic, MAGIC) ? data.readLong() : null;
        } catch (IOException e) {
            return null; // no lock file (the usual case), or one cut short: HSQLDB decides
        }
    }
}
