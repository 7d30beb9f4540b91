package org.codecred.ingest;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private InputLines in;
    private CsvHeader header;
    private String previousLine;

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
                InputLines.Line skipped;
                while (lineNumber < resumeAfter && (skipped = in.next()) != null) {
                    lineNumber++;
                    previousLine = skipped.text();
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot read " + files.get(fileIndex), e);
            }
        }
    }

    @Override
    public RawRow read() throws IOException {
        while (in != null) {
            InputLines.Line line = in.next();
            if (line == null) {
                closeFile();
                fileIndex++;
                if (fileIndex < files.size()) {
                    openFile();
                }
                continue;
            }
            lineNumber++;
            progress.line(bytesBefore[fileIndex] + in.bytesRead());
            String previous = previousLine;
            previousLine = line.text();
            if (line.problem() != null || !line.text().isBlank()) {
                return new RawRow(header, lineNumber, line.text(), line.problem(), previous);
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
            // each line is decoded on its own: a byte that is not UTF-8 rejects its line only
            in = new InputLines(Files.newInputStream(file));
            InputLines.Line first = in.next();
            header = readHeader(file.getFileName().toString(), first == null ? null : first.text());
            lineNumber = 1;
            previousLine = null;
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
}
