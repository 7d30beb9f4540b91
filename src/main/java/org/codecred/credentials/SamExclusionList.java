package org.codecred.credentials;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.codecred.domain.Provider;
import org.codecred.staging.SourceFile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SAM.gov exclusions public extract as published ({@code SAM_Exclusions_Public_Extract_V2_YYDDD.CSV}
 * in {@code exclusions/}, recognized by its header: {@code "Classification","Name","Prefix","First",
 * "Middle","Last",...,"Active Date","Termination Date",...,"NPI","Creation_Date"}, every field quoted,
 * dates {@code MM/DD/YYYY}, termination {@code Indefinite}). Individuals are indexed by last name (whole
 * and by part) and first name; every row with an NPI by NPI.
 */
public final class SamExclusionList {

    /** Columns that tell the SAM extract apart (header matched case-insensitively). */
    public static final List<String> REQUIRED_COLUMNS = List.of("classification", "first", "last", "active date",
            "termination date");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** One row; {@code terminationDate} null for {@code Indefinite}, {@code npi} null when empty. */
    public record Entry(String classification, String name, String first, String middle, String last, String city,
                        String state, String zip, String npi, LocalDate activeDate, LocalDate terminationDate,
                        String exclusionType, String agency, String samNumber, Source source, long line) {

        public boolean isIndividual() {
            return classification.equalsIgnoreCase("Individual");
        }

        public String displayName() {
            return isIndividual() ? (last + ", " + first + (middle.isEmpty() ? "" : " " + middle)) : name;
        }

        /** Whether the exclusion is in force on some day of the period. */
        public boolean activeDuring(LocalDate from, LocalDate to) {
            return (activeDate == null || !activeDate.isAfter(to)) && (terminationDate == null || !terminationDate.isBefore(from));
        }

        /** The row as an auditor finds it in the file. */
        public String describe() {
            return "'" + displayName() + "' (" + classification + (city.isEmpty() && state.isEmpty() ? "" : ", "
                    + (city + " " + state).trim()) + ")" + (npi == null ? ", no NPI" : ", NPI " + npi)
                    + ", " + exclusionType + (agency.isEmpty() ? "" : " by " + agency)
                    + " from " + (activeDate == null ? "an unknown date" : activeDate)
                    + (terminationDate == null ? ", indefinite" : " to " + terminationDate)
                    + (samNumber.isEmpty() ? "" : ", SAM number " + samNumber)
                    + " (" + source.name() + " line " + line + ")";
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<String, List<Entry>> byNpi = new HashMap<>();
    private final Map<String, List<Entry>> byName = new HashMap<>();
    private int rows;

    public static SamExclusionList empty() {
        return new SamExclusionList();
    }

    /** Whether a header (lower-cased, trimmed cells) is the SAM extract's. */
    public static boolean isSamHeader(List<String> header) {
        return header.containsAll(REQUIRED_COLUMNS);
    }

    public static SamExclusionList load(List<Path> files) {
        SamExclusionList list = new SamExclusionList();
        for (Path file : files) {
            list.read(file);
        }
        return list;
    }

    private void read(Path file) {
        Source source = Source.of(file);
        sources.add(source);
        int before = rows;
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
             CSVReader csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build())
                     .withMultilineLimit(20).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                return;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                index.putIfAbsent(header[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
            }
            if (!isSamHeader(List.copyOf(index.keySet()))) {
                throw new IllegalStateException("exclusion file " + file + " is not the SAM.gov exclusions extract");
            }
            String[] f;
            while ((f = csv.readNext()) != null) {
                if (f.length == 1 && f[0].isBlank()) {
                    continue;
                }
                add(new Entry(get(f, index, "classification"), get(f, index, "name"), get(f, index, "first"),
                        get(f, index, "middle"), get(f, index, "last"), get(f, index, "city"),
                        get(f, index, "state / province").toUpperCase(Locale.ROOT), zip5(get(f, index, "zip code")),
                        npi(get(f, index, "npi")), date(get(f, index, "active date")),
                        date(get(f, index, "termination date")), get(f, index, "exclusion type"),
                        get(f, index, "excluding agency"), get(f, index, "sam number"), source, csv.getLinesRead()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SAM exclusions file " + file, e);
        } catch (CsvException e) {
            throw new IllegalStateException("cannot read SAM exclusions file " + file + ": " + e.getMessage(), e);
        }
        files.add(SourceFile.of("SAM exclusions", file, rows - before));
    }

    private void add(Entry e) {
        rows++;
        if (e.npi() != null) {
            byNpi.computeIfAbsent(e.npi(), k -> new ArrayList<>()).add(e);
        }
        if (e.isIndividual()) {
            String first = Names.key(e.first());
            for (String last : ExclusionList.lastNameKeys(e.last(), List.of())) {
                byName.computeIfAbsent(last + "|" + first, k -> new ArrayList<>()).add(e);
            }
        }
    }

    private static String get(String[] fields, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= fields.length ? "" : fields[i].trim();
    }

    private static String npi(String value) {
        String digits = value.trim();
        return digits.matches("\\d{10}") && !digits.chars().allMatch(c -> c == '0') ? digits : null;
    }

    private static String zip5(String postal) {
        String digits = postal.replaceAll("[^0-9]", "");
        return digits.length() >= 5 ? digits.substring(0, 5) : digits;
    }

    /** {@code MM/DD/YYYY} (or {@code YYYY-MM-DD}); {@code Indefinite}, empty or unreadable → null. */
    static LocalDate date(String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("indefinite")) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, US) : LocalDate.parse(value);
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

    public List<SourceFile> files() {
        return files;
    }

    public int rows() {
        return rows;
    }

    public List<Entry> byNpi(String npi) {
        return byNpi.getOrDefault(npi, List.of());
    }

    /** Individuals whose first name and a last-name key match the provider's (parts and other last names too). */
    public List<Entry> sameName(Provider p, List<String> otherLastNames) {
        Set<Entry> found = new LinkedHashSet<>();
        String first = Names.key(p.firstName());
        for (String last : ExclusionList.lastNameKeys(p.lastName(), otherLastNames)) {
            found.addAll(byName.getOrDefault(last + "|" + first, List.of()));
        }
        return List.copyOf(found);
    }
}
