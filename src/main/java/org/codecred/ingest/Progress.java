package org.codecred.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how far a long read has come, at most every few seconds: lines, lines/s, percent of bytes. */
public final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastLogged = started;
    private long lines;

    public Progress(String what, long totalBytes) {
        this.what = what;
        this.totalBytes = totalBytes;
    }

    /**
     * Bytes of the files before each one, in order, and their total last: a reader of several files
     * reports progress over all of them (entry i is where file i starts).
     */
    public static long[] bytesBefore(java.util.List<java.nio.file.Path> files) {
        long[] before = new long[files.size() + 1];
        for (int i = 0; i < files.size(); i++) {
            before[i + 1] = before[i] + sizeOf(files.get(i));
        }
        return before;
    }

    /** The file's size, 0 when it cannot be read (the read itself reports why). */
    public static long sizeOf(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    public void line(long bytesDone) {
        lines++;
        if ((lines & 0xFFF) == 0) {
            long now = System.nanoTime();
            if (now - lastLogged >= EVERY_NANOS) {
                lastLogged = now;
                double seconds = (now - started) / 1e9;
                log.info("{}: {} lines read, {} lines/s, {}% of {} MB", what, String.format("%,d", lines),
                        String.format("%,.0f", lines / seconds),
                        totalBytes == 0 ? 100 : Math.min(100, bytesDone * 100 / totalBytes), totalBytes >> 20);
            }
        }
    }
}
