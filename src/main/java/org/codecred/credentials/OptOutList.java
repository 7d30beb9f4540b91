package org.codecred.credentials;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CMS Medicare opt-out affidavits file as published on data.cms.gov ("Opt Out Affidavits", CSV in
 * {@code optout/}): columns {@code Last Name, First Name, NPI, Specialty, Optout Effective Date,
 * Optout End Date, ..., Last updated} matched by name in any order, dates {@code MM/DD/YYYY}.
 */
public final class OptOutList {

    public static final List<String> REQUIRED_COLUMNS = List.of("npi", "optout effective date", "optout end date");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    /** One affidavit; {@code end} null when open. */
    public record Entry(String npi, String lastName, String firstName, String specialty, LocalDate effective,
                        LocalDate end, Source source, long line) {

        public boolean covers(LocalDate from, LocalDate to) {
            return effective != null && !effective.isAfter(to) && (end == null || !end.isBefore(from));
        }

        public String describe() {
            return "'" + lastName + ", " + firstName + "'" + (specialty.isEmpty() ? "" : " (" + specialty + ")")
                    + " opted out from " + effective + (end == null ? "" : " to " + end)
                    + " (" + source.name() + " line " + line + ")";
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<String, List<Entry>> byNpi = new HashMap<>();
    private int rows;

    public static OptOutList empty() {
        return new OptOutList();
    }

    public static OptOutList load(List<Path> files) {
        OptOutList list = new OptOutList();
        files.forEach(list::read);
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
            Map<String, Integer> index = indexOf(header);
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("opt-out file " + file + " is not the CMS opt-out affidavits file: missing "
                        + String.join(", ", missing));
            }
            String[] f;
            while ((f = csv.readNext()) != null) {
                String npi = get(f, index, "npi");
                if (npi.isEmpty()) {
                    continue;
                }
                rows++;
                Entry e = new Entry(npi, get(f, index, "last name"), get(f, index, "first name"), get(f, index, "specialty"),
                        date(get(f, index, "optout effective date")), date(get(f, index, "optout end date")), source,
                        csv.getLinesRead());
                byNpi.computeIfAbsent(npi, k -> new ArrayList<>()).add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read opt-out file " + file, e);
        } catch (CsvException e) {
            throw new IllegalStateException("cannot read opt-out file " + file + ": " + e.getMessage(), e);
        }
        files.add(SourceFile.of("Medicare opt-out", file, rows - before));
    }

    static Map<String, Integer> indexOf(String[] header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            index.putIfAbsent(header[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), i);
        }
        return index;
    }

    private static String get(String[] fields, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= fields.length ? "" : fields[i].trim();
    }

    /** {@code MM/DD/YYYY} (or {@code YYYY-MM-DD}); empty or unreadable → null. */
    static LocalDate date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, US) : LocalDate.parse(value.substring(0, Math.min(10, value.length())));
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
}
