package org.codecred.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source file of a check and its date: the last date written in the file name
 * ({@code npidata_pfile_20050523-20261012.csv} → 2026-10-12; {@code YYYYMMDD} or {@code YYYY-MM-DD}),
 * otherwise the file's modification time.
 */
public record Source(String name, LocalDate date) {

    private static final Pattern DATE_IN_NAME = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");

    public static Source of(Path file) {
        String name = file.getFileName().toString();
        LocalDate date = dateInName(name);
        if (date == null) {
            try {
                date = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
            } catch (IOException e) {
                date = null;
            }
        }
        return new Source(name, date);
    }

    /** The last plausible date in a file name, or null. */
    public static LocalDate dateInName(String name) {
        Matcher m = DATE_IN_NAME.matcher(name);
        LocalDate last = null;
        while (m.find()) {
            try {
                LocalDate d = LocalDate.parse(m.group(1) + m.group(2) + m.group(3), DateTimeFormatter.BASIC_ISO_DATE);
                if (d.getYear() >= 1990 && d.getYear() <= 2199) {
                    last = d;
                }
            } catch (DateTimeParseException e) {
                // not a date: digits that happen to be 8 long
            }
        }
        return last;
    }

    @Override
    public String toString() {
        return date == null ? name : name + " (" + date + ")";
    }

    /** The CSV files of a source folder (exclusions/, nppes/), in name order; none when the folder is absent. */
    public static java.util.List<Path> csvFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }
}
