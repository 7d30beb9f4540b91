package org.codecred.sources;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One file a month's checks rest on, as every consumer shows it: the credential checks and the
 * Credentials sheet (name and date), both Sources sheets (all fields) and run-summary.json (kind and
 * date). Its bytes are read once per run ({@link FileFacts}), so the file has one date, one row
 * count and one SHA-256 wherever it appears.
 *
 * @param kind     what the file is: a published source's kind ({@code OIG LEIE}, {@code SAM exclusions},
 *                 {@code NPPES}, {@code CMS MUE} ...) or a label for the month's own files ({@code roster})
 * @param name     the file's name (for a zip: the zip's name)
 * @param date     the file's release date ({@link ReleaseDate}); null when neither the file nor its
 *                 modification time gives one
 * @param dateFrom how {@code date} was known, in words ("file name", "file modified")
 * @param rows     the rows read from it (for a list: the rows kept; for the Sources sheets: the records
 *                 after the header line); null for a file that is not text
 * @param bytes    the file's size
 * @param sha256   the SHA-256 of the file's bytes, lower-case hex
 */
public record SourceFile(String kind, String name, LocalDate date, String dateFrom, Long rows, long bytes,
                         String sha256) {

    /** A file on disk with {@code rows} rows read: its release date by {@link ReleaseDate}, its bytes hashed once per run. */
    public static SourceFile of(String kind, Path file, long rows) {
        ReleaseDate released = ReleaseDate.of(kind, file);
        FileFacts facts = FileFacts.of(file);
        return new SourceFile(kind, file.getFileName().toString(), released.date(), released.from(), rows, facts.bytes(),
                facts.sha256());
    }

    /** A file the checks cite by name and date only (the roster, a hand-kept rule table): not hashed here. */
    public static SourceFile cited(Path file) {
        ReleaseDate released = ReleaseDate.fromName(file);
        return new SourceFile("", file.getFileName().toString(), released.date(), released.from(), null, 0, "");
    }

    /** A file cited by name and date only (a hand-written test source, a row read back without its bytes). */
    public static SourceFile named(String name, LocalDate date) {
        return new SourceFile("", name, date, "", null, 0, "");
    }

    /** The same file with another row count (the rows a list kept from it). */
    public SourceFile withRows(long kept) {
        return new SourceFile(kind, name, date, dateFrom, kept, bytes, sha256);
    }

    /** How checks cite the file: its name and date. */
    @Override
    public String toString() {
        return date == null ? name : name + " (" + date + ")";
    }
}
