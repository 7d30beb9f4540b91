package org.codecred.ingest.x12;

import org.codecred.ingest.Progress;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the service lines of one or more 837P files, in order. The saved state is (file, byte
 * offset of the current interchange's ISA, segments before it, items handed out since), so a
 * restart reopens the file at that interchange and skips exactly what the last committed chunk
 * held. A file renamed, replaced or changed in size since the interrupted run is refused, as the
 * CSV reader refuses it.
 */
public class X12ClaimReader implements ItemStreamReader<X12Item> {

    private final String name;
    private final List<Path> files;
    private final Progress progress;
    private final long[] bytesBefore;

    private int fileIndex;
    private Claim837File current;

    /** @param name keys the saved state; unique per step */
    public X12ClaimReader(String name, List<Path> files) {
        this.name = name;
        this.files = List.copyOf(files);
        this.bytesBefore = new long[files.size() + 1];
        for (int i = 0; i < files.size(); i++) {
            bytesBefore[i + 1] = bytesBefore[i] + size(files.get(i));
        }
        this.progress = new Progress(name, bytesBefore[files.size()]);
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(name + ".file", 0);
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
        if (fileIndex < files.size()) {
            long offset = context.getLong(name + ".interchangeOffset", 0L);
            long base = context.getLong(name + ".segmentsBefore", 0L);
            long skip = context.getLong(name + ".handedOut", 0L);
            current = new Claim837File(files.get(fileIndex), offset, base);
            for (long i = 0; i < skip; i++) {
                if (current.next() == null) {
                    throw new ItemStreamException(files.get(fileIndex).getFileName()
                            + " holds fewer claim lines than the interrupted run read: restore it, or give --force");
                }
            }
        }
    }

    @Override
    public X12Item read() {
        while (current != null) {
            X12Item item = current.next();
            if (item != null) {
                progress.line(bytesBefore[fileIndex] + current.bytesRead());
                return item;
            }
            current.close();
            current = null;
            fileIndex++;
            if (fileIndex < files.size()) {
                current = new Claim837File(files.get(fileIndex), 0, 0);
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(name + ".file", fileIndex);
        if (fileIndex < files.size()) {
            context.putString(name + ".fileName", files.get(fileIndex).getFileName().toString());
            context.putLong(name + ".fileSize", size(files.get(fileIndex)));
        }
        context.putLong(name + ".interchangeOffset", current == null ? 0 : current.interchangeOffset());
        context.putLong(name + ".segmentsBefore", current == null ? 0 : current.interchangeBase());
        context.putLong(name + ".handedOut", current == null ? 0 : current.handedOut());
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
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
