package org.codecred.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a folder really unwritable for the test's own user. Permission bits do not stop root (CI
 * runs as root), so as root the folder is made immutable ({@code chattr +i}); otherwise it is
 * {@code chmod 555}. {@link #close()} undoes it, so the temporary folder can be removed.
 */
public final class ReadOnly implements AutoCloseable {

    private final Path dir;
    private final boolean immutable;

    private ReadOnly(Path dir, boolean immutable) {
        this.dir = dir;
        this.immutable = immutable;
    }

    public static ReadOnly make(Path dir) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run("chattr", "+i", dir.toString());
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        return new ReadOnly(dir, root);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-i", dir.toString());
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
