package org.codecred.staging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The copy of DuckDB's native library that its driver writes into the temp folder at every start (about
 * 70 MB) and deletes only when the JVM exits normally: each kill -9, power cut or halted JVM left one
 * behind, and a CI machine's /tmp filled up with hundreds of them. Once the library is loaded its file
 * is no longer needed on Linux (the process's mapping keeps it alive until the process ends), so the
 * engine deletes its own copy as soon as it has opened. Elsewhere (no {@code /proc/self/maps}) the
 * driver's delete at exit stays the only one.
 */
final class EngineLibraryCopy {

    private static final Logger log = LoggerFactory.getLogger(EngineLibraryCopy.class);
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final AtomicBoolean REMOVED = new AtomicBoolean();

    private EngineLibraryCopy() {
    }

    /** Deletes the loaded library's copy in the temp folder, once per process; quietly does nothing elsewhere. */
    static void removeOnce() {
        if (!REMOVED.compareAndSet(false, true) || !Files.isReadable(MAPS)) {
            return;
        }
        try {
            Path temp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            for (Path copy : mappedCopies(Files.readAllLines(MAPS), temp)) {
                Files.deleteIfExists(copy);
            }
        } catch (IOException | RuntimeException e) {
            // only disk space is at stake: the driver still deletes the copy when the JVM exits normally
            log.debug("could not remove the staging engine's library copy: {}", e.toString());
        }
    }

    /** The files mapped into this process (lines of /proc/self/maps) that are DuckDB's library copies in {@code temp}. */
    static List<Path> mappedCopies(List<String> maps, Path temp) {
        List<Path> copies = new ArrayList<>();
        for (String line : maps) {
            int slash = line.indexOf('/');
            if (slash < 0 || line.endsWith(" (deleted)")) {
                continue;
            }
            Path file = Path.of(line.substring(slash));
            String name = file.getFileName().toString();
            if (name.startsWith("libduckdb_java") && name.endsWith(".so") && temp.equals(file.getParent())
                    && !copies.contains(file)) {
                copies.add(file);
            }
        }
        return copies;
    }
}
