package org.codecred.sources;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.codecred.ingest.CsvHeader;
import org.codecred.rules.RuleTableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The NUCC Health Care Provider Taxonomy code set as NUCC publishes it ({@code nucc_taxonomy_251.csv}
 * in the rules folder: header {@code Code,Grouping,Classification,Specialization,Definition,Notes,
 * Display Name,Section}, CRLF, cells quoted where they hold commas). It supplies every code's label and
 * the codes NUCC has retired: those carry {@code [1/1/2007: marked inactive]} (or a variant, see
 * {@link #INACTIVE}) in Notes. When several releases lie in the folder, the highest release number in
 * the name (the newest version) is read.
 */
public final class NuccTaxonomy {

    public static final String GLOB = "nucc_taxonomy_*.csv";
    static final List<String> REQUIRED_COLUMNS = List.of("code", "grouping", "classification", "specialization", "notes");
    /**
     * NUCC's retirement note in all the forms the file carries: {@code [1/1/2007: marked inactive]},
     * {@code [1/1/2007: marked inactive, use  103G00000X]} and, from 2025, {@code 1/1/2025: marked inactive}
     * without brackets.
     */
    private static final Pattern INACTIVE = Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4}):\\s*marked inactive\\b",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final Pattern RELEASE = Pattern.compile("nucc_taxonomy_(\\d{1,6})");

    /** One code; {@code inactiveSince} null for a code in use. */
    public record Code(String code, String grouping, String classification, String specialization, String displayName,
                       LocalDate inactiveSince) {

        /** In words: classification and specialization, e.g. {@code Social Worker - Clinical}. */
        public String label() {
            return specialization.isEmpty() ? classification : classification + " - " + specialization;
        }

        public boolean isInactive() {
            return inactiveSince != null;
        }
    }

    private final Map<String, Code> byCode;
    private final SourceFile source;

    private NuccTaxonomy(Map<String, Code> byCode, SourceFile source) {
        this.byCode = byCode;
        this.source = source;
    }

    public static NuccTaxonomy none() {
        return new NuccTaxonomy(Map.of(), null);
    }

    /** The newest {@code nucc_taxonomy_*.csv} of the rules folder, or none; an unreadable one stops the run. */
    public static NuccTaxonomy load(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            return none();
        }
        Optional<Path> newest;
        try (Stream<Path> files = Files.list(rulesDir)) {
            newest = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches("nucc_taxonomy_.*\\.csv"))
                    .max(Comparator.comparingInt(NuccTaxonomy::version).thenComparing(Path::compareTo));
        } catch (IOException e) {
            throw new RuleTableException("rules folder " + rulesDir + " cannot be listed: " + e.getMessage());
        }
        return newest.map(NuccTaxonomy::read).orElseGet(NuccTaxonomy::none);
    }

    /** The release in a file name, as a number: {@code nucc_taxonomy_251.csv} is 251, newer than 91; none is 0. */
    public static int version(Path file) {
        Matcher m = RELEASE.matcher(file.getFileName().toString().toLowerCase(Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public static NuccTaxonomy read(Path file) {
        Map<String, Code> byCode = new HashMap<>();
        // UTF-8 as NUCC publishes now; Windows-1252 for older releases whose bytes are not UTF-8
        try (CSVReader csv = new CSVReaderBuilder(PublishedText.open(file))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new RuleTableException("NUCC taxonomy file " + file + " is empty");
            }
            CsvHeader index = new CsvHeader(file.toString(), header);
            List<String> missing = index.missing(REQUIRED_COLUMNS);
            if (!missing.isEmpty()) {
                throw new RuleTableException("NUCC taxonomy file " + file + " is not the NUCC CSV as published: its header"
                        + " lacks " + String.join(", ", missing) + " (expected Code, Grouping, Classification,"
                        + " Specialization, Definition, Notes, Display Name, Section)");
            }
            String[] row;
            while ((row = csv.readNext()) != null) {
                String code = get(row, index, "code").toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!code.matches("[0-9A-Z]{9}X")) {
                    throw new RuleTableException("NUCC taxonomy file " + file + " line " + csv.getLinesRead()
                            + ", column 'Code': '" + code + "' is not a 10-character taxonomy code ending in X");
                }
                byCode.put(code, new Code(code, get(row, index, "grouping"), get(row, index, "classification"),
                        get(row, index, "specialization"), get(row, index, "display name"),
                        inactiveSince(get(row, index, "notes"))));
            }
        } catch (IOException | CsvException e) {
            throw new RuleTableException("NUCC taxonomy file " + file + " cannot be read: " + e.getMessage());
        }
        return new NuccTaxonomy(Map.copyOf(byCode), SourceFile.of("NUCC taxonomy", file, byCode.size()));
    }

    static LocalDate inactiveSince(String notes) {
        Matcher m = INACTIVE.matcher(notes);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1), US);
        } catch (RuntimeException e) {
            return LocalDate.MIN;       // marked inactive, date unreadable: still inactive
        }
    }

    private static String get(String[] row, CsvHeader index, String column) {
        int i = index.indexOf(column);
        return i < 0 || i >= row.length ? "" : row[i].trim();
    }

    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    public Optional<Code> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** The code's label in NUCC's words, or empty when the file does not list it. */
    public String label(String code) {
        return find(code).map(Code::label).orElse("");
    }

    public Set<String> inactiveCodes() {
        Set<String> codes = new HashSet<>();
        byCode.values().stream().filter(Code::isInactive).forEach(c -> codes.add(c.code()));
        return codes;
    }

    /** The file read, or null when the rules folder has none. */
    public SourceFile source() {
        return source;
    }
}
