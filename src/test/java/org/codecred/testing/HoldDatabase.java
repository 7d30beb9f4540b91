package org.codecred.testing;

import org.codecred.database.RunLock;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Child-process main: holds a CodeCred file database the way a running month does (the run lock
 * beside it, then the database itself) until its standard input closes. With a second argument
 * {@code --database-only} it opens the database alone, as another program (a SQL tool) would.
 */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        boolean databaseOnly = args.length > 1 && args[1].equals("--database-only");
        RunLock lock = databaseOnly ? null : RunLock.tryAcquire(RunLock.lockFileOf(Path.of(args[0])));
        if (!databaseOnly && lock == null) {
            System.out.println("the run lock is held elsewhere");
            return;
        }
        try (Connection ignored = DriverManager.getConnection("jdbc:hsqldb:file:" + args[0] + ";shutdown=true", "SA", "")) {
            System.out.println("holding " + args[0]);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
