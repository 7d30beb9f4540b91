package org.codecred.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The running-month guard of an embedded HSQLDB file database: an operating-system lock on a file
 * beside the database ({@code <db>.run.lock}), taken before the database is opened and held until the
 * run has closed it. The operating system frees it when the process ends however it ends (kill -9
 * included), and never while the process lives: a process paused for any length of time (SIGSTOP, a
 * long GC, a suspended VM) keeps it. HSQLDB's own lock file rests on a heartbeat a paused process stops
 * writing, so after about ten seconds another process could open the database and take the month.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of the file database at {@code db} (the path given with --db). */
    public static Path lockFileOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".run.lock");
    }

    /** The lock, or null when another process (or another run in this JVM) holds it. */
    public static RunLock tryAcquire(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new RunLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
