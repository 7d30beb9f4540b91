package org.codecred.sources;

import org.codecred.ingest.CsvHeader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The CMS Medicare opt-out affidavits file as published on data.cms.gov ("Opt Out Affidavits", CSV in
 * {@code optout/}): columns {@code Last Name, First Name, NPI, Specialty, Optout Effective Date,
 * Optout End Date, ..., Last updated} matched by name in any order, dates {@code MM/DD/YYYY}.
 */
public final class OptOutList extends PublishedList<OptOutList.Entry> {

    public static final List<String> REQUIRED_COLUMNS = List.of("npi", "optout effective date", "optout end date");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    /** One affidavit; {@code end} null when open. */
    public record Entry(String npi, String lastName, String firstName, String specialty, LocalDate effective,
                        LocalDate end, SourceFile source, long line) {

        public boolean covers(LocalDate from, LocalDate to) {
            return effective != null && !effective.isAfter(to) && (end == null || !end.isBefore(from));
        }

        public String describe() {
            return "'" + lastName + ", " + firstName + "'" + (specialty.isEmpty() ? "" : " (" + specialty + ")")
                    + " opted out from " + effective + (end == null ? "" : " to " + end)
                    + " (" + source.name() + " line " + line + ")";
        }
    }

    private OptOutList() {
        super("Medicare opt-out", "opt-out file", 20);
    }

    public static OptOutList empty() {
        return new OptOutList();
    }

    /** The layout the registry of published sources reads the list with. */
    public static final PublishedSource.Layout<OptOutList> LAYOUT = layout(OptOutList::new, REQUIRED_COLUMNS);

    public static OptOutList load(List<Path> files) {
        OptOutList list = new OptOutList();
        list.read(files);
        return list;
    }

    @Override
    void checkHeader(Path file, CsvHeader header) {
        List<String> missing = header.missing(REQUIRED_COLUMNS);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("opt-out file " + file + " is not the CMS opt-out affidavits file: missing "
                    + String.join(", ", missing));
        }
    }

    /** Affidavits without an NPI cannot be matched to a provider and are not kept. */
    @Override
    Entry entry(Row row, SourceFile source, long line) {
        String npi = row.get("npi");
        return npi.isEmpty() ? null : new Entry(npi, row.get("last name"), row.get("first name"), row.get("specialty"),
                date(row.get("optout effective date")), date(row.get("optout end date")), source, line);
    }

    @Override
    void file(Entry e) {
        fileByNpi(e.npi(), e);
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
}
