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
