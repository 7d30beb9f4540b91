package org.codecred.staging;

import org.codecred.domain.ClaimLine;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * The staging engine's intake of claim lines. The load steps write each file's accepted lines to a
 * spool file of its own, a plain CSV beside the engine's file; {@link #stage} then hands the month's
 * spools to the engine's CSV reader in one statement, which puts them in rendering-NPI order as it
 * inserts them (docs/database.md). Measured on the 1M month (docs/performance.md): the Appender's
 * per-row work and its log writes took more than half of loadClaims, and ordering the appended rows
 * afterwards another 2 s; the reader stages the same lines, ordered, in about 1.3 s on two threads.
 * <p>
 * A spool is written by Spring Batch's {@link FlatFileItemWriter}, not transactional: each chunk's
 * lines reach the file before the chunk commits, and the committed byte position is saved with the
 * reader's, so a restarted partition truncates its spool to the last commit and goes on from there.
 */
public final class ClaimLineSpool {

    private final StagingEngine engine;

    public ClaimLineSpool(StagingEngine engine) {
        this.engine = engine;
    }

    /** The month's spool folder: beside the engine's file, one file per load partition. */
    Path folder(YearMonth month) {
        Path file = engine.file();
        return file.resolveSibling(file.getFileName() + ".spool").resolve(month.toString());
    }

    /** The name of the spool writers' state in a load partition's execution context. */
    private static final String NAME = "claimLineSpool";

    /**
     * The first load partition among {@code steps} that committed lines without a spool position in its
     * context, or empty: lines an earlier version appended to the engine as it loaded them, which
     * {@link #stage} would not find (a partition of this version saves its position at every commit).
     */
    public static java.util.Optional<String> loadedWithoutSpool(java.util.Collection<StepExecution> steps) {
        return steps.stream()
                .filter(s -> s.getStepName().startsWith("loadClaimsWorker:") || s.getStepName().startsWith("loadX12ClaimsWorker:"))
                .filter(s -> s.getWriteCount() > 0 && !s.getExecutionContext().containsKey(NAME + ".current.count"))
                .map(StepExecution::getStepName).sorted().findFirst();
    }

    /**
     * The writer of one load partition's spool ({@code partition}, e.g. {@code loadClaimsWorker:file001},
     * the same name when it restarts). An ItemStream: the step must open it, and save its position.
     */
    public FlatFileItemWriter<ClaimLine> writer(YearMonth month, String partition) {
        Path file = folder(month).resolve(partition.replaceAll("[^A-Za-z0-9_.-]", "-") + ".csv");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool folder " + file.getParent(), e);
        }
        return new FlatFileItemWriterBuilder<ClaimLine>()
                .name(NAME)
                .resource(new FileSystemResource(file))
                .lineAggregator(ClaimLineSpool::csvLine)
                .encoding("UTF-8")
                .lineSeparator("\n")
                .transactional(false) // on disk before the chunk commits: a restart truncates what is past it
                .shouldDeleteIfExists(true)
                .build();
    }

    /**
     * A line as the spool holds it: the table's columns after {@code month}, in their order. Text is
     * always quoted (quotes doubled; commas and line breaks kept inside), so an empty text stays
     * empty; a missing value is an empty, unquoted field, which the reader takes as NULL.
     */
    static String csvLine(ClaimLine line) {
        StringBuilder b = new StringBuilder(160);
        text(b, line.sourceFile()).append(',').append(line.lineNumber()).append(',');
        text(b, line.claimId()).append(',').append(line.lineNo()).append(',');
        text(b, line.renderingNpi()).append(',');
        text(b, line.billingNpi()).append(',');
        text(b, line.memberId()).append(',');
        plain(b, line.memberDob()).append(',').append(line.serviceDate()).append(',');
        text(b, line.procedureCode()).append(',');
        text(b, ClaimLineTable.join(line.modifiers())).append(',').append(line.units()).append(',');
        plain(b, line.minutes()).append(',');
        text(b, ClaimLineTable.join(line.diagnosisCodes())).append(',');
        text(b, line.placeOfService()).append(',');
        plain(b, line.charge() == null ? null : line.charge().setScale(2).toPlainString()).append(',')
                .append(line.minutesColumnPresent()).append(',');
        text(b, line.claimFrequency()).append(',');
        return text(b, line.status() == null ? null : line.status().name()).toString();
    }

    private static StringBuilder text(StringBuilder b, String value) {
        if (value == null) {
            return b;
        }
        b.append('"');
        if (value.indexOf('"') < 0) {
            b.append(value);
        } else {
            b.append(value.replace("\"", "\"\""));
        }
        return b.append('"');
    }

    private static StringBuilder plain(StringBuilder b, Object value) {
        return value == null ? b : b.append(value);
    }

    /**
     * Stages the month's spools in the engine, in rendering-NPI order, replacing whatever the engine
     * held of the month: one transaction, so a rerun after a kill stages the same rows again. Returns
     * the lines staged. Why that order: the engine keeps each row group's smallest and largest value of
     * every column; in arrival order each row group would hold every NPI, and each slice of providers
     * that validateCoding, alignSpecialties and writeDossiers read would gather its lines from every
     * part of the table; in NPI order a slice's lines lie together, and the other row groups are skipped.
     */
    public long stage(YearMonth month) {
        List<Path> spools = spools(month);
        long[] staged = {0};
        engine.withSortMemory(() -> engine.inTransaction(c -> {
            for (String table : new String[] {"claim_line", "claim_line_repeat"}) {
                try (var ps = c.prepareStatement("DELETE FROM codecred." + table + " WHERE month = ?")) {
                    ps.setString(1, month.toString());
                    ps.executeUpdate();
                }
            }
            if (spools.isEmpty()) {
                return;
            }
            try (var ps = c.prepareStatement("INSERT INTO codecred.claim_line SELECT ?, * FROM read_csv(" + fileList(spools)
                    + ", columns = " + columns(c) + ", header = false, auto_detect = false, delim = ',', quote = '\"',"
                    + " escape = '\"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, strict_mode = true,"
                    + " encoding = 'utf-8') ORDER BY rendering_npi")) {
                ps.setString(1, month.toString());
                staged[0] = ps.executeLargeUpdate();
            }
        }));
        return staged[0];
    }

    /** The month's spool files that hold lines, in name order (a partition with none leaves an empty file). */
    private List<Path> spools(YearMonth month) {
        Path folder = folder(month);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv") && size(f) > 0).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spool folder " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileList(List<Path> files) {
        return files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** The reader's columns, named and typed as the table's after {@code month} (from the table itself: no second list to keep). */
    private static String columns(java.sql.Connection c) throws java.sql.SQLException {
        StringBuilder struct = new StringBuilder("{");
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'codecred' AND table_name = 'claim_line' AND column_name <> 'month' ORDER BY ordinal_position")) {
            while (rs.next()) {
                struct.append(struct.length() > 1 ? ", " : "").append('\'').append(rs.getString(1)).append("': '")
                        .append(rs.getString(2)).append('\'');
            }
        }
        return struct.append('}').toString();
    }

    /** Deletes the month's spools: once staged (the step after staging), and when a new run of the month begins. */
    public void remove(YearMonth month) {
        try {
            FileSystemUtils.deleteRecursively(folder(month));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spool folder " + folder(month), e);
        }
    }
}
