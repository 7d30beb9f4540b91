package org.codecred.sources;

import org.codecred.ingest.CsvHeader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The OIG List of Excluded Individuals/Entities (LEIE) as published: {@code UPDATED.csv} and the
 * monthly supplements, every field quoted, dates {@code YYYYMMDD}, {@code 00000000} and
 * {@code 0000000000} for empty, last column {@code WVRSTATE} (or {@code WAIVERSTATE}). Rows are
 * indexed by NPI and, for rows without one, by last name (whole and by part) and first name, ignoring
 * case, accents and punctuation; the birth date is compared by {@link ExclusionRule}.
 */
public final class ExclusionList extends PublishedList<ExclusionList.Entry> {

    /** Columns every LEIE file must have (header matched case-insensitively). */
    public static final List<String> REQUIRED_COLUMNS = List.of("lastname", "firstname", "npi", "dob", "excltype", "excldate");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One row of a published file; {@code npi}, {@code dob} and the dates are null when empty. */
    public record Entry(String lastName, String firstName, String midName, String busName, String general,
                        String specialty, String npi, LocalDate dob, String exclType, LocalDate exclDate,
                        LocalDate reinDate, SourceFile source, long line) {

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

    private ExclusionList() {
        super("OIG LEIE", "exclusion file", 1);
    }

    public static ExclusionList empty() {
        return new ExclusionList();
    }

    /** The layout the registry of published sources reads the list with. */
    public static final PublishedSource.Layout<ExclusionList> LAYOUT = layout(ExclusionList::new, List.of());

    /** Reads every file; a file without the LEIE header is an error naming the file. */
    public static ExclusionList load(List<Path> files) {
        ExclusionList list = new ExclusionList();
        list.read(files);
        return list;
    }

    @Override
    void checkHeader(Path file, CsvHeader header) {
        List<String> missing = header.missing(REQUIRED_COLUMNS);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("exclusion file " + file + " is not in the OIG LEIE layout: missing columns "
                    + String.join(", ", missing).toUpperCase(Locale.ROOT));
        }
    }

    @Override
    Entry entry(Row row, SourceFile source, long line) {
        return new Entry(row.get("lastname"), row.get("firstname"), row.get("midname"), row.get("busname"),
                row.get("general"), row.get("specialty"), npi(row.get("npi")), date(row.get("dob")), row.get("excltype"),
                date(row.get("excldate")), date(row.get("reindate")), source, line);
    }

    /** By NPI when the row has one; otherwise by name, for {@link #sameName} (the birth date is compared by the rule). */
    @Override
    void file(Entry e) {
        if (e.npi() != null) {
            fileByNpi(e.npi(), e);
        } else {
            fileByName(e.lastName(), e.firstName(), e);
        }
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
}
