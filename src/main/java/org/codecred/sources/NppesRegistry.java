package org.codecred.sources;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.codecred.ingest.CsvHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The NPPES NPI registry, screened for the rostered NPIs only. The published dissemination file
 * ({@code npidata_pfile_YYYYMMDD-YYYYMMDD.csv}, about 9 million rows of 330 quoted columns) is read
 * line by line: only the NPI field of each line is looked at, and only lines of rostered NPIs are
 * parsed in full, so memory stays flat whatever the file's size. Columns are found by their
 * published names; extra columns are ignored. When an NPI appears in several files, the last file
 * in name order wins (a weekly update after the monthly full file).
 */
public final class NppesRegistry implements PublishedSource.PublishedData {

    private static final Logger log = LoggerFactory.getLogger(NppesRegistry.class);
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    static final int REPEATS = 15;
    /** Columns every NPPES file must have (header matched case-insensitively). */
    static final String KIND = "NPPES";
    public static final List<String> REQUIRED_COLUMNS = List.of("npi", "provider last name (legal name)");

    /** The layout the registry of published sources reads the extract with: screened for the rostered NPIs. */
    public static final PublishedSource.Layout<NppesRegistry> LAYOUT = new PublishedSource.Layout<>() {
        @Override
        public List<String> requiredColumns() {
            return REQUIRED_COLUMNS;
        }

        @Override
        public void checkReadable(List<Path> files) {
            // the extract is read line by line, each line on its own: a damaged line cannot hide the next ones
        }

        @Override
        public NppesRegistry load(List<Path> files, Set<String> rosteredNpis) {
            return files.isEmpty() ? empty() : scan(files, rosteredNpis);
        }
    };

    private final Map<String, RegistryRecord> byNpi;
    private final long linesRead;
    private final List<SourceFile> files;

    private NppesRegistry(Map<String, RegistryRecord> byNpi, long linesRead, List<SourceFile> files) {
        this.byNpi = byNpi;
        this.linesRead = linesRead;
        this.files = files;
    }

    public static NppesRegistry empty() {
        return new NppesRegistry(Map.of(), 0, List.of());
    }

    /**
     * The dissemination files of a folder: {@code npidata_pfile_*.csv} (monthly full file, weekly
     * incremental files, V1 or V2), not the bundle's header-only, other-name, practice-location or
     * endpoint files. Ordered by the last date in their name, so that a weekly file after the monthly
     * one wins (same date: the monthly full file first).
     */
    public static List<Path> registryFiles(Path dir) {
        return PublishedSources.csvFiles(dir).stream()
                .filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return !n.contains("fileheader") && !n.startsWith("othername") && !n.startsWith("pl_pfile")
                            && !n.startsWith("endpoint");
                })
                .sorted(Comparator.comparing((Path p) -> {
                            LocalDate d = ReleaseDate.dateInName(p.getFileName().toString());
                            return d == null ? LocalDate.MIN : d;
                        })
                        .thenComparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains("20050523") ? 0 : 1)
                        .thenComparing(Path::compareTo))
                .toList();
    }

    /** Reads every file in the given order, keeping the rows of {@code npis}; a later file's row wins. */
    public static NppesRegistry scan(List<Path> files, Set<String> npis) {
        Map<String, RegistryRecord> found = new HashMap<>();
        List<SourceFile> read = new ArrayList<>();
        long lines = 0;
        for (Path file : files) {
            SourceFile source = SourceFile.of(KIND, file, 0);
            long fileLines;
            try {
                fileLines = scanFile(file, source, npis, found, false);
            } catch (CharacterCodingException notUtf8) {
                // the text policy of every published file: UTF-8 only when every byte is; this file is read
                // again as Windows-1252, its rows replacing those read so far
                fileLines = rescan(file, source, npis, found);
            }
            lines += fileLines;
            read.add(source.withRows(fileLines));
        }
        return new NppesRegistry(found, lines, List.copyOf(read));
    }

    private static long rescan(Path file, SourceFile source, Set<String> npis, Map<String, RegistryRecord> found) {
        try {
            return scanFile(file, source, npis, found, true);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("every byte is a Windows-1252 character", e);
        }
    }

    /** The files read, with their rows, dates and SHA-256. */
    @Override
    public List<SourceFile> files() {
        return files;
    }

    @Override
    public long rows() {
        return linesRead;
    }

    private static long scanFile(Path file, SourceFile source, Set<String> npis, Map<String, RegistryRecord> found,
                                 boolean windows1252) throws CharacterCodingException {
        long size = sizeOf(file);
        long started = System.nanoTime();
        long lastLog = started;
        long lineNumber = 1;
        long chars = 0;
        int kept = 0;
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        try (BufferedReader in = new BufferedReader(windows1252 ? PublishedText.windows1252(Files.newInputStream(file))
                : PublishedText.strictUtf8(Files.newInputStream(file)), 1 << 17)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                return 0;
            }
            Columns columns = Columns.of(file, new CsvHeader(file.toString(), parser.parseLine(CsvHeader.withoutBom(headerLine))));
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                chars += line.length() + 1;
                String npi = field(line, columns.npi);
                if (npi != null && npis.contains(npi)) {
                    found.put(npi, columns.record(npi, parser.parseLine(line), source, lineNumber));
                    kept++;
                }
                if ((lineNumber & 0x3FFF) == 0) {
                    long now = System.nanoTime();
                    if (now - lastLog >= LOG_EVERY_NANOS) {
                        lastLog = now;
                        log.info("NPPES {}: {} lines screened, {} lines/s, about {}% of {} MB, {} rostered NPIs found",
                                source.name(), String.format("%,d", lineNumber - 1),
                                String.format("%,.0f", (lineNumber - 1) / ((now - started) / 1e9)),
                                size == 0 ? 100 : Math.min(100, chars * 100 / size), size >> 20, kept);
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NPPES file " + file, e);
        }
        log.info("NPPES {}: {} lines screened in {} s, {} rostered NPIs found", source.name(),
                String.format("%,d", lineNumber - 1), String.format("%.1f", (System.nanoTime() - started) / 1e9), kept);
        return lineNumber - 1;
    }

    /**
     * The value of field {@code index} of a CSV line without parsing the rest: quotes are honored
     * ({@code ""} inside a quoted value is one quote). Null when the line is shorter.
     */
    public static String field(String line, int index) {
        int n = line.length();
        int pos = 0;
        for (int f = 0; f < index; f++) {
            pos = skipField(line, pos, n);
            if (pos >= n) {
                return null;
            }
            pos++;              // the comma
        }
        if (pos < n && line.charAt(pos) == '"') {
            StringBuilder value = null;
            int start = pos + 1;
            int i = start;
            while (i < n) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        if (value == null) {
                            value = new StringBuilder();
                        }
                        value.append(line, start, i + 1);
                        i += 2;
                        start = i;
                        continue;
                    }
                    return value == null ? line.substring(start, i) : value.append(line, start, i).toString();
                }
                i++;
            }
            return null;        // an unclosed quote: not a readable row
        }
        int end = line.indexOf(',', pos);
        return line.substring(pos, end < 0 ? n : end).trim();
    }

    /** The position of the comma (or end) after the field starting at {@code pos}. */
    private static int skipField(String line, int pos, int n) {
        if (pos < n && line.charAt(pos) == '"') {
            int i = pos + 1;
            while (i < n) {
                if (line.charAt(i) == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
            int comma = line.indexOf(',', i);
            return comma < 0 ? n : comma;
        }
        int comma = line.indexOf(',', pos);
        return comma < 0 ? n : comma;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    public long linesRead() {
        return linesRead;
    }

    public Optional<RegistryRecord> find(String npi) {
        return Optional.ofNullable(byNpi.get(npi));
    }

    /** Where the needed columns are in one file's header. */
    private record Columns(int npi, int entityType, int lastName, int firstName, int organization,
                           int deactivation, int deactivationReason, int reactivation,
                           int[] taxonomy, int[] license, int[] licenseState, int otherLastName, int practiceState,
                           int practiceZip) {

        static Columns of(Path file, CsvHeader index) {
            int npi = index.indexOf("npi");
            int last = index.indexOf("provider last name (legal name)");
            if (npi < 0 || last < 0) {
                throw new IllegalStateException("NPPES file " + file + " is not in the NPPES dissemination layout:"
                        + " its header lacks 'NPI' or 'Provider Last Name (Legal Name)'");
            }
            int[] taxonomy = new int[REPEATS];
            int[] license = new int[REPEATS];
            int[] state = new int[REPEATS];
            for (int n = 1; n <= REPEATS; n++) {
                taxonomy[n - 1] = index.indexOf("healthcare provider taxonomy code_" + n);
                license[n - 1] = index.indexOf("provider license number_" + n);
                state[n - 1] = index.indexOf("provider license number state code_" + n);
            }
            return new Columns(npi, index.indexOf("entity type code"), last,
                    index.indexOf("provider first name"),
                    index.indexOf("provider organization name (legal business name)"),
                    index.indexOf("npi deactivation date"),
                    index.indexOf("npi deactivation reason code"),
                    index.indexOf("npi reactivation date"), taxonomy, license, state,
                    index.indexOf("provider other last name"),
                    index.indexOf("provider business practice location address state name"),
                    index.indexOf("provider business practice location address postal code"));
        }

        RegistryRecord record(String npi, String[] f, SourceFile source, long line) {
            List<String> taxonomies = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<String> licenses = new ArrayList<>();
            for (int n = 0; n < REPEATS; n++) {
                String code = get(f, taxonomy[n]).toUpperCase(Locale.ROOT);
                if (!code.isEmpty()) {
                    taxonomies.add(code);
                }
                String number = get(f, license[n]);
                if (!number.isEmpty()) {
                    numbers.add(number);
                    String st = get(f, licenseState[n]);
                    licenses.add(st.isEmpty() ? number : number + " (" + st + ")");
                }
            }
            String deactivationText = get(f, deactivation);
            LocalDate deactivated = date(deactivationText);
            return new RegistryRecord(npi, get(f, entityType), get(f, lastName), get(f, firstName), get(f, organization),
                    deactivated, get(f, deactivationReason), date(get(f, reactivation)),
                    taxonomies, numbers, licenses, get(f, otherLastName), get(f, practiceState).toUpperCase(Locale.ROOT),
                    zip5(get(f, practiceZip)), source, line,
                    // never read a deactivation the file states as "active": keep the text for the check to raise
                    deactivated == null ? deactivationText : "");
        }

        private static String zip5(String postal) {
            String digits = postal.replaceAll("[^0-9]", "");
            return digits.length() >= 5 ? digits.substring(0, 5) : digits;
        }

        private static String get(String[] f, int i) {
            return i < 0 || i >= f.length ? "" : f[i].trim();
        }

        private static LocalDate date(String value) {
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value, US);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
