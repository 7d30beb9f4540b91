package org.codecred.credentials;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.codecred.domain.Provider;
import org.codecred.ingest.CsvHeader;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OIG List of Excluded Individuals/Entities (LEIE) as published: {@code UPDATED.csv} and the
 * monthly supplements, every field quoted, dates {@code YYYYMMDD}, {@code 00000000} and
 * {@code 0000000000} for empty, last column {@code WVRSTATE} (or {@code WAIVERSTATE}). Rows are
 * indexed by NPI and, for rows without one, by last name (whole and by part) and first name, ignoring
 * case, accents and punctuation; the birth date is compared by {@link ExclusionRule}.
 */
public final class ExclusionList {

    /** Columns every LEIE file must have (header matched case-insensitively). */
    public static final List<String> REQUIRED_COLUMNS = List.of("lastname", "firstname", "npi", "dob", "excltype", "excldate");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One row of a published file; {@code npi}, {@code dob} and the dates are null when empty. */
    public record Entry(String lastName, String firstName, String midName, String busName, String general,
                        String specialty, String npi, LocalDate dob, String exclType, LocalDate exclDate,
                        LocalDate reinDate, Source source, long line) {

        public String displayName() {
            String name = (lastName + ", " + firstName + (midName.isEmpty() ? "" : " " + midName)).trim();
            return name.equals(",") ? busName : name;
        }

        /** The row as an auditor finds it in the file. */
        public String describe() {
            return "'" + displayName() + "'" + (general.isEmpty() ? "" : " (" + general + ")")
                    + (npi == null ? ", no NPI" : ", NPI " + npi)
                    + ", exclusion type " + exclType + " from " + (exclDate == null ? "an unknown date" : exclDate)
                    + (reinDate == null ? "" : ", reinstated " + reinDate)
                    + " (" + source.name() + " line " + line + ")";
        }
    }

    private final List<Source> sources;
    private final List<org.codecred.staging.SourceFile> files = new ArrayList<>();
    private final Map<String, List<Entry>> byNpi = new HashMap<>();
    private final Map<String, List<Entry>> byNameOnly = new HashMap<>();
    private int rows;

    private ExclusionList(List<Source> sources) {
        this.sources = sources;
    }

    public static ExclusionList empty() {
        return new ExclusionList(List.of());
    }

    /** Reads every file; a file without the LEIE header is an error naming the file. */
    public static ExclusionList load(List<Path> files) {
        List<Source> sources = files.stream().map(Source::of).toList();
        ExclusionList list = new ExclusionList(sources);
        for (int i = 0; i < files.size(); i++) {
            int before = list.rows;
            list.read(files.get(i), sources.get(i));
            list.files.add(org.codecred.staging.SourceFile.of("OIG LEIE", files.get(i), list.rows - before));
        }
        return list;
    }

    private void read(Path file, Source source) {
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
             CSVReader csv = new CSVReaderBuilder(in)
                     .withCSVParser(new RFC4180ParserBuilder().build())
                     .withMultilineLimit(1)
                     .build()) {
            String[] header = csv.readNext();
            if (header == null) {
                return;
            }
            CsvHeader index = new CsvHeader(file.toString(), header);
            List<String> missing = index.missing(REQUIRED_COLUMNS);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("exclusion file " + file + " is not in the OIG LEIE layout: missing columns "
                        + String.join(", ", missing).toUpperCase(Locale.ROOT));
            }
            String[] f;
            while ((f = csv.readNext()) != null) {
                if (f.length == 1 && f[0].isBlank()) {
                    continue;
                }
                add(new Entry(get(f, index, "lastname"), get(f, index, "firstname"), get(f, index, "midname"),
                        get(f, index, "busname"), get(f, index, "general"), get(f, index, "specialty"),
                        npi(get(f, index, "npi")), date(get(f, index, "dob")), get(f, index, "excltype"),
                        date(get(f, index, "excldate")), date(get(f, index, "reindate")), source, csv.getLinesRead()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read exclusion file " + file, e);
        } catch (CsvException e) {
            throw new IllegalStateException("cannot read exclusion file " + file + ": " + e.getMessage(), e);
        }
    }

    void add(Entry e) {
        rows++;
        if (e.npi() != null) {
            byNpi.computeIfAbsent(e.npi(), k -> new ArrayList<>()).add(e);
            return;
        }
        String first = Names.key(e.firstName());
        for (String last : lastNameKeys(e.lastName(), List.of())) {
            byNameOnly.computeIfAbsent(last + "|" + first, k -> new ArrayList<>()).add(e);
        }
    }

    /**
     * The keys a last name is looked up by: the whole name and each part of a hyphenated or
     * two-word name ({@code Garcia-Lopez}: GARCIALOPEZ, GARCIA, LOPEZ), and the same for each other
     * (former) last name; parts of one letter are left out.
     */
    static Set<String> lastNameKeys(String lastName, List<String> otherLastNames) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        names.add(lastName);
        names.addAll(otherLastNames);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String whole = Names.key(name);
            if (!whole.isEmpty()) {
                keys.add(whole);
            }
            for (String part : name.split("[-\\s]+")) {
                String key = Names.key(part);
                if (key.length() > 1) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static String get(String[] fields, CsvHeader index, String column) {
        int i = index.indexOf(column);
        return i < 0 || i >= fields.length ? "" : fields[i].trim();
    }

    private static String npi(String value) {
        return value.isEmpty() || value.chars().allMatch(c -> c == '0') ? null : value;
    }

    /** A {@code YYYYMMDD} date; {@code 00000000}, empty or unreadable → null. */
    static LocalDate date(String value) {
        if (value.isEmpty() || value.chars().allMatch(c -> c == '0')) {
            return null;
        }
        try {
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    public List<Source> sources() {
        return sources;
    }

    /** The files read, with their rows and SHA-256. */
    public List<org.codecred.staging.SourceFile> files() {
        return files;
    }

    public int rows() {
        return rows;
    }

    /** Rows carrying this NPI. */
    public List<Entry> byNpi(String npi) {
        return byNpi.getOrDefault(npi, List.of());
    }

    /**
     * Rows without an NPI whose first name and a last-name key match the provider's (its roster last
     * name, each part of a hyphenated one, and its other last names from NPPES), whatever their birth date.
     */
    public List<Entry> sameName(Provider p, List<String> otherLastNames) {
        Set<Entry> found = new LinkedHashSet<>();
        String first = Names.key(p.firstName());
        for (String last : lastNameKeys(p.lastName(), otherLastNames)) {
            found.addAll(byNameOnly.getOrDefault(last + "|" + first, List.of()));
        }
        return List.copyOf(found);
    }
}
