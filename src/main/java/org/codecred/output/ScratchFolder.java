package org.codecred.output;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.codecred.job.RunSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * POI's scratch files (streamed sheets are written to disk before they are zipped) go to a folder of
 * this run only, {@code <output>/YYYY-MM/.scratch}, readable by its owner only — not to the shared
 * {@code poifiles} folder in the system temp folder, where other users of the machine could read
 * dossier content or fill the folder. The folder is removed when the run ends.
 */
public final class ScratchFolder {

    private ScratchFolder() {
    }

    public static Path of(RunSettings settings) {
        return settings.outputDir().resolve(".scratch");
    }

    /** Points POI's temp files at this run's private folder (made if missing). */
    public static void useFor(RunSettings settings) {
        Path dir = of(settings);
        try {
            if (!Files.isDirectory(dir)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch folder " + dir + ": " + e.getMessage(), e);
        }
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
    }

    /** Removes the scratch folder and whatever a killed run left in it. */
    public static void remove(RunSettings settings) {
        Path dir = of(settings);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch file still open elsewhere: the next run removes it
        }
    }
}
