package org.codecred.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a file's bytes say, read in one pass and kept for the run: its size, SHA-256, physical lines
 * and CSV records (a line break inside a quoted value does not end a record). A published file is
 * therefore hashed once per run, however many checks and sheets name it; a file changed on disk
 * (other size or modification time) is read again.
 *
 * @param lines   line ends, plus one for a last line without its line end
 * @param records the same, not counting line ends inside double quotes
 */
public record FileFacts(long bytes, String sha256, long lines, long records) {

    private record Key(Path file, long size, FileTime modified, Object fileKey) {
    }

    private static final Map<Key, FileFacts> READ = new ConcurrentHashMap<>();

    /** The file's facts, read at most once per run while the file stays as it is. */
    public static FileFacts of(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Key key = new Key(file.toAbsolutePath().normalize(), attributes.size(),
                attributes.lastModifiedTime(), attributes.fileKey());
        return READ.computeIfAbsent(key, k -> read(file));
    }

    /** The SHA-256 of a file (read once per run, see {@link #of}). */
    public static String sha256(Path file) {
        return of(file).sha256();
    }

    private static FileFacts read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            long lines = 0;
            long records = 0;
            boolean quoted = false;
            int lastByte = '\n';
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n') {
                        lines++;
                        if (!quoted) {
                            records++;
                        }
                    }
                }
                lastByte = buffer[n - 1];
            }
            if (lastByte != '\n' && bytes > 0) {
                lines++;         // a last line without its line end
                records++;
            }
            return new FileFacts(bytes, HexFormat.of().formatHex(sha.digest()), lines, records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
