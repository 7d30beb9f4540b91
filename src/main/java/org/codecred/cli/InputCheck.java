package org.codecred.cli;

import org.codecred.ingest.ClaimRowParser;
import org.codecred.ingest.CsvHeader;
import org.codecred.ingest.CsvLineReader;
import org.codecred.ingest.IngestResult;
import org.codecred.ingest.InputLines;
import org.codecred.ingest.RawRow;
import org.codecred.ingest.RosterRowParser;
import org.codecred.job.RunSettings;
import org.codecred.job.UsageException;
import org.codecred.sources.PublishedSource;
import org.codecred.sources.PublishedSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Checks, before anything starts, that the month's input can be used at all: the folder, a roster
 * with at least one readable row, at least one claim file, the headers' required columns (claims,
 * exclusion list and registry files), the rules folder. Row-level problems are not checked here: those rows go to rejected.csv.
 */
public final class InputCheck {

    private static final Logger log = LoggerFactory.getLogger(InputCheck.class);

    private InputCheck() {
    }

    public static void check(RunSettings settings) throws UsageException {
        Path dir = settings.inputDir();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no input folder " + dir + " for month " + settings.month()
                    + ": put the month's roster.csv and claims*.csv there, or point --input at the folder that holds "
                    + settings.month() + "/");
        }
        if (!Files.isReadable(dir)) {
            throw new UsageException("input folder " + dir + " is not readable: check its permissions");
        }
        noteLink(settings.inputRoot());
        noteLink(dir);
        checkRoster(settings.rosterFile());
        List<Path> claims = settings.claimFiles();
        List<Path> x12Claims = settings.x12ClaimFiles();
        if (claims.isEmpty() && x12Claims.isEmpty()) {
            throw new UsageException("no claim file in " + dir + ": add one or more claims*.csv files"
                    + " or 837P files (claims*.837, claims*.x12, claims*.edi)");
        }
        for (Path file : claims) {
            requireColumns(file, ClaimRowParser.REQUIRED_COLUMNS);
        }
        for (Path file : x12Claims) {
            requireInterchange(file);
        }
        for (String folder : PublishedSources.monthlyFolders()) {
            requireUnzipped(dir.resolve(folder));
        }
        // every published list of the month, each file read whole, before the month starts
        try {
            for (PublishedSource source : PublishedSources.monthly()) {
                List<Path> files = source.filesIn(dir, settings.rulesDir());
                for (Path file : files) {
                    List<String> required = source.layout().requiredColumns();
                    if (!required.isEmpty()) {
                        requireColumns(file, required);
                    }
                }
                source.layout().checkReadable(files);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!Files.isDirectory(settings.rulesDir())) {
            throw new UsageException("no rules folder " + settings.rulesDir()
                    + ": run from the CodeCred folder or give --rules=DIR (default jobs/rules)");
        }
    }

    /**
     * SAM.gov and NPPES publish their files zipped, and CodeCred reads the CSV files, not the package.
     * A zip whose CSV files do not lie unzipped beside it would leave its list unchecked with nothing
     * said, and a month could come out CLEAR: stop instead, naming the zip.
     */
    private static void requireUnzipped(Path dir) throws UsageException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> zips;
        try (Stream<Path> files = Files.list(dir)) {
            zips = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + dir + ": " + Failures.reason(e));
        }
        for (Path zip : zips) {
            List<String> inside = new ArrayList<>();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                archive.stream().filter(e -> !e.isDirectory())
                        .map(e -> Path.of(e.getName()).getFileName().toString())
                        .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .forEach(inside::add);
            } catch (IOException | RuntimeException e) {
                throw new UsageException(zip + " is not a readable zip file: unzip it into " + dir + " by hand, or remove it");
            }
            if (inside.stream().noneMatch(n -> Files.isRegularFile(dir.resolve(n)))) {
                throw new UsageException(zip + " is a zip file: CodeCred reads the CSV files inside it ("
                        + String.join(", ", inside.stream().limit(3).toList()) + (inside.size() > 3 ? ", ..." : "")
                        + "), so unzip it into " + dir + " first; the zip may stay beside them");
            }
            log.info("{}: zip passed over, its CSV files lie unzipped beside it", zip);
        }
    }

    /** Inputs are read through links (a shared drive's files often are), but the log names each one. */
    private static void noteLink(Path file) {
        if (Files.isSymbolicLink(file)) {
            try {
                log.info("input {} is a symbolic link to {}", file, file.toRealPath());
            } catch (IOException e) {
                log.info("input {} is a symbolic link that leads nowhere ({})", file, Failures.reason(e));
            }
        }
    }

    private static void checkRoster(Path roster) throws UsageException {
        if (!Files.isRegularFile(roster)) {
            throw new UsageException("no roster: " + roster + " is missing; it lists the providers being credentialed");
        }
        CsvHeader header = requireColumns(roster, RosterRowParser.REQUIRED_COLUMNS);
        RosterRowParser parser = new RosterRowParser();
        String firstProblem = null;
        try (InputLines in = new InputLines(Files.newInputStream(roster))) {
            InputLines.Line line = in.next();
            long number = 1;
            String previous = null;
            while ((line = in.next()) != null) {
                number++;
                if (line.problem() == null && line.text().isBlank()) {
                    continue;
                }
                IngestResult<?> result = parser.parse(new RawRow(header, number, line.text(), line.problem(), previous));
                previous = line.text();
                if (result instanceof IngestResult.Accepted<?>) {
                    return;
                }
                if (firstProblem == null && result instanceof IngestResult.Rejected<?> r) {
                    firstProblem = "line " + number + ": " + r.row().reason();
                }
            }
        } catch (IOException e) {
            throw new UsageException("roster " + roster + " cannot be read: " + e.getMessage());
        }
        throw new UsageException("roster " + roster + " has no usable provider row"
                + (firstProblem == null ? "" : " (first problem: " + firstProblem + ")"));
    }

    /** An 837 file must begin with an ISA segment (after a byte-order mark or blank space), or nothing in it can be read. */
    private static void requireInterchange(Path file) throws UsageException {
        byte[] start = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new UsageException(file + " cannot be read: " + e.getMessage());
        }
        String text = new String(start, 0, n, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (!text.startsWith("ISA")) {
            throw new UsageException(file + ": not an X12 interchange (an 837 file begins with its ISA segment)"
                    + (n == 0 ? "; the file is empty" : ""));
        }
    }

    private static CsvHeader requireColumns(Path file, List<String> required) throws UsageException {
        CsvHeader header;
        noteLink(file);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " is not a regular file: give the file itself");
        }
        // the header line only, decoded on its own: a byte that is not UTF-8 further down rejects its row only
        try (InputLines in = new InputLines(Files.newInputStream(file))) {
            InputLines.Line first = in.next();
            header = CsvLineReader.readHeader(file.getFileName().toString(), first == null ? null : first.text());
        } catch (IOException e) {
            throw new UsageException(file + " cannot be read (" + Failures.reason(e) + "): check its permissions");
        }
        List<String> missing = header.missing(required);
        if (!missing.isEmpty()) {
            throw new UsageException(file + ": the header (line 1) lacks required column(s) " + String.join(", ", missing));
        }
        return header;
    }
}
