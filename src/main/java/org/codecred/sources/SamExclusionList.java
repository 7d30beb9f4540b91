package org.codecred.sources;

import org.codecred.ingest.CsvHeader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The SAM.gov exclusions public extract as published ({@code SAM_Exclusions_Public_Extract_V2_YYDDD.CSV}
 * in {@code exclusions/}, recognized by its header: {@code "Classification","Name","Prefix","First",
 * "Middle","Last",...,"Active Date","Termination Date",...,"NPI","Creation_Date"}, every field quoted,
 * dates {@code MM/DD/YYYY}, termination {@code Indefinite}). Individuals are indexed by last name (whole
 * and by part) and first name; every row with an NPI by NPI.
 */
public final class SamExclusionList extends PublishedList<SamExclusionList.Entry> {

    /** Columns that tell the SAM extract apart (header matched case-insensitively). */
    public static final List<String> REQUIRED_COLUMNS = List.of("classification", "first", "last", "active date",
            "termination date");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy"); // zero-padded or not

    /** One row; {@code terminationDate} null for {@code Indefinite}, {@code npi} null when empty. */
    public record Entry(String classification, String name, String first, String middle, String last, String city,
                        String state, String zip, String npi, LocalDate activeDate, LocalDate terminationDate,
                        String exclusionType, String agency, String samNumber, SourceFile source, long line) {

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

    private SamExclusionList() {
        super("SAM exclusions", "SAM exclusions file", 20);
    }

    public static SamExclusionList empty() {
        return new SamExclusionList();
    }

    /** Whether a header (lower-cased, trimmed cells) is the SAM extract's. */
    public static boolean isSamHeader(List<String> header) {
        return header.containsAll(REQUIRED_COLUMNS);
    }

    /** The layout the registry of published sources reads the list with. */
    public static final PublishedSource.Layout<SamExclusionList> LAYOUT = layout(SamExclusionList::new, List.of());

    public static SamExclusionList load(List<Path> files) {
        SamExclusionList list = new SamExclusionList();
        list.read(files);
        return list;
    }

    @Override
    void checkHeader(Path file, CsvHeader header) {
        if (!header.missing(REQUIRED_COLUMNS).isEmpty()) {
            throw new IllegalStateException("exclusion file " + file + " is not the SAM.gov exclusions extract");
        }
    }

    @Override
    Entry entry(Row row, SourceFile source, long line) {
        return new Entry(row.get("classification"), row.get("name"), row.get("first"), row.get("middle"),
                row.get("last"), row.get("city"), row.get("state / province").toUpperCase(Locale.ROOT),
                zip5(row.get("zip code")), npi(row.get("npi")), date(row.get("active date")),
                date(row.get("termination date")), row.get("exclusion type"), row.get("excluding agency"),
                row.get("sam number"), source, line);
    }

    /** Every row with an NPI by NPI; individuals also by name, for {@link #sameName}. */
    @Override
    void file(Entry e) {
        if (e.npi() != null) {
            fileByNpi(e.npi(), e);
        }
        if (e.isIndividual()) {
            fileByName(e.last(), e.first(), e);
        }
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
    public static LocalDate date(String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("indefinite")) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, US) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
