package org.codecred.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file atomically: to a temporary file beside it, then moved into place, so no
 * reader ever sees a half-written file and a restart simply writes it again.
 */
public final class OutputFiles {

    /** Writes the content of one output file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporaryFile) throws IOException;
    }

    /** Writes text content through a UTF-8 writer. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private OutputFiles() {
    }

    public static void writeAtomically(Path target, Content content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
            try {
                // a file (or a planted symbolic link) left under the temporary name is removed, never written through
                Files.deleteIfExists(temporary);
                content.writeTo(temporary);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary); // leave no half-written file behind
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public static void writeText(Path target, TextContent content) {
        writeAtomically(target, temporary -> {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
        });
    }
}
