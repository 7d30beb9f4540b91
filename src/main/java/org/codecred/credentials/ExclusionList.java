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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OIG List of Excluded Individuals/Entities (LEIE) as published: {@code UPDATED.csv} and the
 * monthly supplements, every field quoted, dates {@code YYYYMMDD}, {@code 00000000} and
 * {@code 0000000000} for empty, last column {@code WVRSTATE} (or {@code WAIVERSTATE}). Rows are
 * indexed by NPI and by (last name, first name, date of birth), ignoring case, accents and spaces.
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

    private record NameKey(String last, String first, LocalDate dob) {
    }

    private final List<Source> sources;
    private final Map<String, List<Entry>> byNpi = new HashMap<>();
    private final Map<NameKey, List<Entry>> byNameAndDob = new HashMap<>();
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
            list.read(files.get(i), sources.get(i));
        }
        return list;
    }

    private void read(Path file, Source source) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
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
        String last = Names.key(e.lastName());
        if (last.isEmpty()) {
            return;     // an entity without an NPI: matched by neither rule
        }
        String nameOnly = last + "|" + Names.key(e.firstName());
        byNameOnly.computeIfAbsent(nameOnly, k -> new ArrayList<>()).add(e);
        if (e.dob() != null) {
            byNameAndDob.computeIfAbsent(new NameKey(last, Names.key(e.firstName()), e.dob()), k -> new ArrayList<>()).add(e);
        }
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

    public int rows() {
        return rows;
    }

    /** Rows that name this provider: by NPI; by last name, first name and birth date where the row has no NPI. */
    public List<Entry> matches(Provider p) {
        List<Entry> found = new ArrayList<>(byNpi.getOrDefault(p.npi(), List.of()));
        if (p.dateOfBirth() != null) {
            found.addAll(byNameAndDob.getOrDefault(
                    new NameKey(Names.key(p.lastName()), Names.key(p.firstName()), p.dateOfBirth()), List.of()));
        }
        return found;
    }

    /** Rows without an NPI whose name matches, whatever their birth date: namesakes to look at when a date is missing. */
    public List<Entry> sameName(Provider p) {
        return byNameOnly.getOrDefault(Names.key(p.lastName()) + "|" + Names.key(p.firstName()), List.of());
    }
}
