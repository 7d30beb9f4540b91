package org.codecred.ingest.x12;

import org.codecred.ingest.Progress;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the service lines of one or more 837P files, in order. The saved state is (file, byte
 * offset of the current interchange's ISA, segments before it, items handed out since), so a
 * restart reopens the file at that interchange and skips exactly what the last committed chunk
 * held. A file renamed, replaced or changed in size since the interrupted run is refused, as the
 * CSV reader refuses it.
 *
 * <p>StAEDI's tokenizing is the costly part of an 837, so it runs one step ahead on a thread of its
 * own while the step maps, checks and stages the previous items. Every item travels with its
 * position, and the saved state is always that of the last item handed to the step, whatever the
 * read-ahead holds.
 */
public class X12ClaimReader implements ItemStreamReader<X12Item> {

    private static final int READ_AHEAD = 4096;

    private final String name;
    private final List<Path> files;
    private final Progress progress;
    private final long[] bytesBefore;

    private BlockingQueue<Positioned> queue;
    private Thread producer;
    private volatile boolean closing;
    private Positioned last;
    private boolean done;

    /** An item and where reading stood right after it. */
    private record Positioned(X12Item item, int file, long interchangeOffset, long segmentsBefore, long handedOut,
                              long bytesRead, RuntimeException failure) {
    }

    /** @param name keys the saved state; unique per step */
    public X12ClaimReader(String name, List<Path> files) {
        this.name = name;
        this.files = List.copyOf(files);
        this.bytesBefore = Progress.bytesBefore(files);
        this.progress = new Progress(name, bytesBefore[files.size()]);
    }

    @Override
    public void open(ExecutionContext context) {
        int fileIndex = context.getInt(name + ".file", 0);
        String savedName = context.getString(name + ".fileName", null);
        long savedSize = context.getLong(name + ".fileSize", -1L);
        if (savedName != null && fileIndex < files.size()) {
            Path file = files.get(fileIndex);
            if (!savedName.equals(file.getFileName().toString()) || savedSize != size(file)) {
                // resuming by position in another file would skip or double claim lines
                throw new ItemStreamException("the input files changed since the interrupted run (expected " + savedName
                        + " of " + savedSize + " bytes as 837 file " + (fileIndex + 1)
                        + "): restore them, or give --force to start the month again");
            }
        }
        long offset = context.getLong(name + ".interchangeOffset", 0L);
        long base = context.getLong(name + ".segmentsBefore", 0L);
        long skip = context.getLong(name + ".handedOut", 0L);
        last = new Positioned(null, fileIndex, offset, base, skip, 0, null);
        done = fileIndex >= files.size();
        closing = false;
        queue = new ArrayBlockingQueue<>(READ_AHEAD);
        if (!done) {
            producer = new Thread(() -> readAhead(fileIndex, offset, base, skip), "x12-read-ahead-" + name);
            producer.setDaemon(true);
            producer.start();
        }
    }

    /** The producer: StAEDI over the files from the saved position, items into the queue. */
    private void readAhead(int firstFile, long offset, long base, long skip) {
        try {
            for (int f = firstFile; f < files.size() && !closing; f++) {
                try (Claim837File file = f == firstFile ? new Claim837File(files.get(f), offset, base)
                        : new Claim837File(files.get(f), 0, 0)) {
                    if (f == firstFile) {
                        for (long i = 0; i < skip; i++) {
                            if (file.next() == null) {
                                throw new ItemStreamException(files.get(f).getFileName()
                                        + " holds fewer claim lines than the interrupted run read: restore it, or give --force");
                            }
                        }
                    }
                    X12Item item;
                    while (!closing && (item = file.next()) != null) {
                        queue.put(new Positioned(item, f, file.interchangeOffset(), file.interchangeBase(),
                                file.handedOut(), file.bytesRead(), null));
                    }
                }
            }
            queue.put(new Positioned(null, files.size(), 0, 0, 0, 0, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(new Positioned(null, 0, 0, 0, 0, 0, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public X12Item read() {
        if (done) {
            return null;
        }
        Positioned next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("interrupted while reading 837 files", e);
        }
        if (next.failure() != null) {
            throw next.failure() instanceof ItemStreamException ise ? ise
                    : new ItemStreamException("cannot read 837 file: " + next.failure().getMessage(), next.failure());
        }
        if (next.item() == null) {
            done = true;
            last = next;
            return null;
        }
        last = next;
        progress.line(bytesBefore[next.file()] + next.bytesRead());
        return next.item();
    }

    @Override
    public void update(ExecutionContext context) {
        int fileIndex = last.file();
        context.putInt(name + ".file", fileIndex);
        if (fileIndex < files.size()) {
            context.putString(name + ".fileName", files.get(fileIndex).getFileName().toString());
            context.putLong(name + ".fileSize", size(files.get(fileIndex)));
        }
        context.putLong(name + ".interchangeOffset", last.interchangeOffset());
        context.putLong(name + ".segmentsBefore", last.segmentsBefore());
        context.putLong(name + ".handedOut", last.handedOut());
    }

    @Override
    public void close() {
        closing = true;
        if (producer != null) {
            producer.interrupt();
            try {
                producer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer = null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
