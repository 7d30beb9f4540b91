package org.codecred.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The month's {@code dossiers/} folder as a whole. A new run of a month (the first, or one with
 * --force) writes a dossier for every provider on the roster as it is now; dossiers of providers who
 * left the roster must not stay beside them looking current. Only files with the names CodeCred
 * gives ({@link DossierFileName}) and its own unfinished temporary files are removed: anything else
 * a user put there stays.
 */
public final class DossierFolder {

    private static final Pattern WRITTEN = Pattern.compile("\\.?[A-Za-z0-9]{1,15}(-[A-Za-z0-9-]{1,40})?\\.xlsx(\\.part)?");

    private DossierFolder() {
    }

    /** True for a name CodeCred gives a dossier (or its temporary file). */
    static boolean writtenByCodeCred(String name) {
        boolean dotted = name.startsWith(".");
        boolean part = name.endsWith(".part");
        return WRITTEN.matcher(name).matches() && dotted == part;
    }

    /** Removes every dossier CodeCred wrote in {@code dossiers}; returns how many. */
    public static int removeWritten(Path dossiers) {
        if (!Files.isDirectory(dossiers, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(dossiers)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && writtenByCodeCred(file.getFileName().toString())) {
                    Files.delete(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the old dossiers in " + dossiers + ": " + e.getMessage(), e);
        }
        return removed;
    }
}
