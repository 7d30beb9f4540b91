package org.codecred.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logs how far a long chunked step has come, at most every few seconds, as the load does for lines:
 * items done of the total, the rate, and the time left at that rate. One instance serves all the
 * partitions of the step on this machine (they add to one count); it lives as long as the run's
 * context, one month. A resumed run counts what it does itself, against the whole month's total.
 */
public final class ItemProgress implements ItemWriteListener<Object> {

    private static final Logger log = LoggerFactory.getLogger(ItemProgress.class);
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final LongSupplier total;
    private final AtomicLong done = new AtomicLong();
    private volatile long started;
    private volatile long lastLogged;
    private volatile long knownTotal = -1;

    /**
     * @param what  what is counted, plural, e.g. "writeDossiers: dossiers"
     * @param total the number of items of the whole step, asked once when the first chunk is written
     */
    public ItemProgress(String what, LongSupplier total) {
        this.what = what;
        this.total = total;
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        if (started == 0) {
            synchronized (this) {
                if (started == 0) {
                    knownTotal = total.getAsLong();
                    started = System.nanoTime();
                    lastLogged = started;
                }
            }
        }
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        long count = done.addAndGet(items.size());
        long now = System.nanoTime();
        if (now - lastLogged < EVERY_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - lastLogged < EVERY_NANOS) {
                return;
            }
            lastLogged = now;
        }
        log.info("{} {}", what, line(count, knownTotal, now - started));
    }

    /** {@code writeDossiers: dossiers 2,400 of 10,000 (24%), 75/s, about 1m 41s left}. */
    static String line(long done, long total, long elapsedNanos) {
        double rate = elapsedNanos <= 0 ? 0 : done / (elapsedNanos / 1e9);
        StringBuilder line = new StringBuilder(String.format("%,d", done));
        if (total > 0) {
            line.append(String.format(" of %,d (%d%%)", total, Math.min(100, done * 100 / total)));
        }
        line.append(String.format(", %,.0f/s", rate));
        if (total > done && rate > 0) {
            Duration left = Duration.ofSeconds(Math.round((total - done) / rate));
            line.append(", about ").append(left.toMinutes() > 0 ? left.toMinutes() + "m " : "")
                    .append(left.toSecondsPart()).append("s left");
        }
        return line.toString();
    }

    /** What this instance counts, for its log lines. */
    public String what() {
        return what;
    }
}
