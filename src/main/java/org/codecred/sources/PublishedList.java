package org.codecred.sources;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.codecred.domain.Provider;
import org.codecred.ingest.CsvHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the published lists read from CSV files (OIG LEIE, SAM exclusions, Medicare opt-out) share:
 * the files read, with their rows and SHA-256 for the Sources sheets; the entries by NPI and, for
 * lists of individuals, by last-name key and first name. Each list knows its own layout: it checks
 * the header, turns a row into an entry and files the entry.
 *
 * <p>A file is read in the encoding it was saved in ({@link PublishedText}); a blank line is skipped.
 */
public abstract class PublishedList<E> implements PublishedSource.PublishedData {

    private final String kind;
    private final String fileDescription;
    private final int multilineLimit;
    private final List<SourceFile> files = new ArrayList<>();
    private final Map<String, List<E>> byNpi = new HashMap<>();
    private final Map<String, List<E>> byName = new HashMap<>();
    private long rows;

    /**
     * @param kind            the list's name in the Sources sheets ("OIG LEIE")
     * @param fileDescription how messages name one of its files ("exclusion file")
     * @param multilineLimit  the most physical lines one quoted row may span
     */
    PublishedList(String kind, String fileDescription, int multilineLimit) {
        this.kind = kind;
        this.fileDescription = fileDescription;
        this.multilineLimit = multilineLimit;
    }

    /** Fails, naming the file and what is missing, when the header is not the list's layout. */
    /**
     * The registry layout of a list read whole from its files. The lists differ only in their columns
     * and rows ({@link #checkHeader}, {@link #entry}), so they share how they are checked and loaded.
     */
    static <L extends PublishedList<?>> PublishedSource.Layout<L> layout(java.util.function.Supplier<L> fresh,
                                                                         List<String> requiredColumns) {
        return new PublishedSource.Layout<>() {
            @Override
            public List<String> requiredColumns() {
                return requiredColumns;
            }

            @Override
            public void checkReadable(List<Path> files) {
                fresh.get().checkRecords(files);
            }

            @Override
            public L load(List<Path> files, Set<String> rosteredNpis) {
                L list = fresh.get();
                if (!files.isEmpty()) {
                    list.read(files);
                }
                return list;
            }
        };
    }

    abstract void checkHeader(Path file, CsvHeader header);

    /** The row as an entry, or null for a row the list does not keep. */
    abstract E entry(Row row, SourceFile source, long line);

    /** Files a kept entry with {@link #fileByNpi} and {@link #fileByName}. */
    abstract void file(E entry);

    final void read(List<Path> paths) {
        paths.forEach(this::read);
    }

    private void read(Path file) {
        SourceFile source = SourceFile.of(kind, file, 0);
        long before = rows;
        try (CSVReader csv = open(file)) {
            String[] names = csv.readNext();
            if (names != null) {
                CsvHeader header = new CsvHeader(file.toString(), names);
                checkHeader(file, header);
                String[] fields;
                while ((fields = csv.readNext()) != null) {
                    if (fields.length == 1 && fields[0].isBlank()) {
                        continue;
                    }
                    E entry = entry(new Row(fields, header), source, csv.getLinesRead());
                    if (entry != null) {
                        rows++;
                        file(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileDescription + " " + file, e);
        } catch (CsvException e) {
            throw new IllegalStateException("cannot read " + fileDescription + " " + file + ": " + e.getMessage(), e);
        }
        files.add(source.withRows(rows - before));
    }

    /**
     * Reads every record of the files as {@link #read} does, keeping nothing, so that a damaged file
     * (a quote that never closes, a record longer than the layout allows) stops the run before the
     * month starts, naming the file and where it breaks, instead of failing a step on every rerun.
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    final void checkRecords(List<Path> paths) {
        for (Path file : paths) {
            try (CSVReader csv = open(file)) {
                while (csv.readNext() != null) {
                    // only whether every record reads
                }
            } catch (IOException | CsvException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                int context = reason.indexOf(". Context:"); // OpenCSV quotes the broken lines after this
                reason = (context < 0 ? reason : reason.substring(0, context)).replaceAll("\\s+", " ").trim();
                throw new IllegalArgumentException(fileDescription + " " + file + " cannot be read (" + reason
                        + "): the file looks damaged; download it again from its publisher, or take it out of the month's folder");
            }
        }
    }

    /** The file's records as published: its own encoding, RFC 4180, at most {@code multilineLimit} lines each. */
    private CSVReader open(Path file) throws IOException {
        return new CSVReaderBuilder(PublishedText.open(file)).withCSVParser(new RFC4180ParserBuilder().build())
                .withMultilineLimit(multilineLimit).build();
    }

    final void fileByNpi(String npi, E entry) {
        byNpi.computeIfAbsent(npi, k -> new ArrayList<>()).add(entry);
    }

    final void fileByName(String lastName, String firstName, E entry) {
        String first = Names.key(firstName);
        for (String last : lastNameKeys(lastName, List.of())) {
            byName.computeIfAbsent(last + "|" + first, k -> new ArrayList<>()).add(entry);
        }
    }

    /** One row's fields by column name, trimmed; empty when the file lacks the column or the row is short. */
    record Row(String[] fields, CsvHeader header) {
        String get(String column) {
            int i = header.indexOf(column);
            return i < 0 || i >= fields.length ? "" : fields[i].trim();
        }
    }

    /** The files read, with the rows kept from each, their dates and SHA-256. */
    @Override
    public List<SourceFile> files() {
        return files;
    }

    @Override
    public long rows() {
        return rows;
    }

    /** Entries carrying this NPI. */
    public List<E> byNpi(String npi) {
        return byNpi.getOrDefault(npi, List.of());
    }

    /**
     * Entries filed by name whose first name and a last-name key match the provider's: its roster
     * last name, each part of a hyphenated one, and its other last names from NPPES.
     */
    public List<E> sameName(Provider p, List<String> otherLastNames) {
        Set<E> found = new LinkedHashSet<>();
        String first = Names.key(p.firstName());
        for (String last : lastNameKeys(p.lastName(), otherLastNames)) {
            found.addAll(byName.getOrDefault(last + "|" + first, List.of()));
        }
        return List.copyOf(found);
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
}
