package org.codecred.credentials;

import org.codecred.staging.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A source file of a check and its date, as {@link SourceFile#published} dates every published file
 * (the date its name carries — NPPES {@code _20261012}, SAM's Julian {@code _26305}, an LEIE
 * supplement's {@code 2610}... — else its modification time), so the Credentials and Sources sheets
 * agree.
 */
public record Source(String name, LocalDate date) {

    public static Source of(Path file) {
        return new Source(file.getFileName().toString(), SourceFile.published(file));
    }

    @Override
    public String toString() {
        return date == null ? name : name + " (" + date + ")";
    }

    /** The CSV files of a source folder (exclusions/, nppes/), in name order; none when the folder is absent. */
    public static java.util.List<Path> csvFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }
}
