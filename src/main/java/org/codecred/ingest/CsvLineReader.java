package org.codecred.ingest;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the physical lines of one or more CSV files, in order, as {@link RawRow}s (the header is
 * parsed, blank lines are skipped). One line is one record: a stray quote can only spoil its own
 * line. The saved state is (file index, line number), so a restart resumes right after the last
 * committed chunk.
 */
public class CsvLineReader implements ItemStreamReader<RawRow> {

    private final String name;
    private final List<Path> files;
    private final Progress progress;
    private final long[] bytesBefore;

    private int fileIndex;
    private long lineNumber;
    private BufferedReader in;
    private CountingStream counter;
    private CsvHeader header;

    /** @param name keys the saved state; unique per step */
    public CsvLineReader(String name, List<Path> files) {
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
        long resumeAfter = context.getLong(name + ".line", 0L);
        String savedName = context.getString(name + ".fileName", null);
        if (savedName != null && fileIndex < files.size()
                && !savedName.equals(files.get(fileIndex).getFileName().toString())) {
            // the month's files changed since the failed run: resuming by position would skip or double rows
            throw new ItemStreamException("the input files changed since the interrupted run (expected " + savedName
                    + " as file " + (fileIndex + 1) + "): restore them, or give --force to start the month again");
        }
        if (fileIndex < files.size()) {
            openFile();
            try {
                while (lineNumber < resumeAfter && in.readLine() != null) {
                    lineNumber++;
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot read " + files.get(fileIndex), e);
            }
        }
    }

    @Override
    public RawRow read() throws IOException {
        while (in != null) {
            String text = in.readLine();
            if (text == null) {
                closeFile();
                fileIndex++;
                if (fileIndex < files.size()) {
                    openFile();
                }
                continue;
            }
            lineNumber++;
            progress.line(bytesBefore[fileIndex] + counter.count);
            if (!text.isBlank()) {
                return new RawRow(header, lineNumber, text);
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(name + ".file", fileIndex);
        context.putLong(name + ".line", lineNumber);
        if (fileIndex < files.size()) {
            context.putString(name + ".fileName", files.get(fileIndex).getFileName().toString());
        }
    }

    @Override
    public void close() {
        closeFile();
    }

    private void openFile() {
        Path file = files.get(fileIndex);
        try {
            counter = new CountingStream(Files.newInputStream(file));
            // malformed bytes become U+FFFD, and the row parser rejects such lines by name
            in = new BufferedReader(new InputStreamReader(counter, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
            header = readHeader(file.getFileName().toString(), in.readLine());
            lineNumber = 1;
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a header line; an empty file has no header and yields an empty one. */
    public static CsvHeader readHeader(String fileName, String line) throws IOException {
        if (line == null) {
            return new CsvHeader(fileName, new String[0]);
        }
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        return new CsvHeader(fileName, parser.parseLine(CsvHeader.withoutBom(line)));
    }

    private void closeFile() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            in = null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Counts bytes handed to the decoder, for the percent-done figure. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
