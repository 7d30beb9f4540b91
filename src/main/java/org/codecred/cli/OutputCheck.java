package org.codecred.cli;

import org.codecred.job.RunSettings;
import org.codecred.job.UsageException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks, before anything starts, every place the run writes: the month's output folder (created
 * here), its {@code dossiers/} folder, and the embedded database's folder. Each must be a folder,
 * writable, and an output folder must not lead outside the output root through a symbolic link.
 * What fails here is the user's to fix (exit 2), found in a second instead of at the end of the job.
 */
public final class OutputCheck {

    private OutputCheck() {
    }

    public static void check(RunSettings settings, Path fileDatabase) throws UsageException {
        Path root = settings.outputRoot();
        Path month = settings.outputDir();
        Path dossiers = month.resolve("dossiers");
        requireFolder(root, "output folder");
        requireFolder(month, "month's output folder");
        requireInside(month, root, "month's output folder");
        if (Files.exists(dossiers, LinkOption.NOFOLLOW_LINKS)) {
            requireFolder(dossiers, "dossiers folder");
            requireInside(dossiers, month, "dossiers folder");
        }
        requireWritable(month, "month's output folder");
        if (fileDatabase != null) {
            Path folder = fileDatabase.toAbsolutePath().getParent();
            requireFolder(folder, "database folder");
            requireWritable(folder, "database folder");
            for (String suffix : new String[]{".script", ".properties", ".data", ".log", ".lobs", ".lck"}) {
                Path file = fileDatabase.resolveSibling(fileDatabase.getFileName() + suffix);
                if (Files.exists(file) && !Files.isWritable(file)) {
                    throw new UsageException("database file " + file + " is not writable: check its permissions");
                }
            }
        }
    }

    /** Makes {@code dir} if missing; refuses a file (or anything but a folder) in its place. */
    private static void requireFolder(Path dir, String what) throws UsageException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("the " + what + " " + dir + " is a file, not a folder: move the file away or give "
                    + "another folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("the " + what + " " + dir + " cannot be created (" + Failures.reason(e)
                    + "): check the permissions of the folder above it");
        }
    }

    /** A symbolic link on the way must not lead the run's files outside {@code parent}. */
    private static void requireInside(Path dir, Path parent, String what) throws UsageException {
        try {
            Path real = dir.toRealPath();
            Path realParent = parent.toRealPath();
            if (!real.startsWith(realParent) || real.equals(realParent)) {
                throw new UsageException("the " + what + " " + dir + " is a link to " + real + ", outside " + parent
                        + ": CodeCred writes only inside its output folder; remove the link");
            }
        } catch (IOException e) {
            throw new UsageException("the " + what + " " + dir + " cannot be used (" + Failures.reason(e) + ")");
        }
    }

    /** Really writes (and removes) a file: permission bits, read-only mounts and immutable folders all show. */
    private static void requireWritable(Path dir, String what) throws UsageException {
        Path probe = dir.resolve(".codecred-write-check-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            String cause = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : Failures.reason(e);
            throw new UsageException("the " + what + " " + dir + " is not writable (" + cause.toLowerCase(Locale.ROOT)
                    + "): check its permissions");
        }
    }
}
