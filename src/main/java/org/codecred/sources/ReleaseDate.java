package org.codecred.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source file's release date and how it was known: the date its name carries, else the day the
 * file was last modified (labelled so, because that is the day it was copied, not released).
 *
 * @param date the date, null when neither gives one
 * @param from how it was known, in words: {@link #FILE_NAME} or {@link #FILE_MODIFIED}
 */
public record ReleaseDate(LocalDate date, String from) {

    public static final String FILE_NAME = "file name";
    public static final String FILE_MODIFIED = "file modified";

    private static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");
    private static final Pattern MDY = Pattern.compile("(?<!\\d)(\\d{2})-(\\d{2})-(\\d{4})(?!\\d)");
    private static final Pattern QUARTER = Pattern.compile("(?i)(?<!\\d)(\\d{4})-?q([1-4])(?![0-9])");
    /** SAM.gov extracts end in a Julian date YYDDD: {@code SAM_Exclusions_Public_Extract_V2_26305.ZIP}. */
    private static final Pattern SAM_JULIAN = Pattern.compile("(?i)^SAM_Exclusions_Public_Extract(?:_V2)?_(\\d{2})(\\d{3})\\.");
    /** OIG LEIE monthly supplements: {@code 2610EXCL.csv}, {@code 2610REIN.csv} (YYMM). */
    /** NUCC's release in its file name: {@code nucc_taxonomy_251.csv} is 25.1, {@code _91} is 9.1. */
    private static final Pattern NUCC_VERSION = Pattern.compile("(?i)nucc_taxonomy_(\\d{1,2})(\\d)(?!\\d)");
    private static final Pattern LEIE_SUPPLEMENT = Pattern.compile("(?i)^(\\d{2})(\\d{2})(EXCL|REIN)\\.");

    /** The release date of a file of this kind: by its source's rule in the registry, else {@link #fromName}. */
    public static ReleaseDate of(String kind, Path file) {
        return PublishedSources.byKind(kind).map(s -> s.releaseDate().of(file)).orElseGet(() -> fromName(file));
    }

    /** The date the file's name carries ({@link #dateInName}), else the day it was last modified. */
    public static ReleaseDate fromName(Path file) {
        LocalDate inName = dateInName(file.getFileName().toString());
        return inName != null ? new ReleaseDate(inName, FILE_NAME) : modified(file);
    }

    /**
     * The OIG LEIE: {@code UPDATED.csv} carries no release date (its newest exclusion date is not one),
     * so it is dated by the day it was downloaded (its modification time, labelled so); a monthly
     * supplement {@code 2610EXCL.csv} / {@code 2610REIN.csv} by its month (YYMM, year first).
     */
    public static ReleaseDate leie(Path file) {
        Matcher supplement = LEIE_SUPPLEMENT.matcher(file.getFileName().toString());
        if (supplement.find()) {
            LocalDate month = date("20" + supplement.group(1), supplement.group(2), "1");
            if (month != null) {
                return new ReleaseDate(month, "supplement month in file name");
            }
        }
        return fromName(file);
    }

    /**
     * The NUCC taxonomy: released 1 January (version YY.0) and 1 July (YY.1), so
     * {@code nucc_taxonomy_251.csv} is version 25.1, released 2025-07-01.
     */
    public static ReleaseDate nucc(Path file) {
        Matcher version = NUCC_VERSION.matcher(file.getFileName().toString());
        if (version.find()) {
            int year = 2000 + Integer.parseInt(version.group(1));
            int half = Integer.parseInt(version.group(2));
            if (half <= 1) {
                return new ReleaseDate(LocalDate.of(year, half == 0 ? 1 : 7, 1),
                        "NUCC version " + version.group(1) + "." + half);
            }
        }
        return fromName(file);
    }

    /** The day the file was last modified, labelled so; no date when the file cannot be read. */
    public static ReleaseDate modified(Path file) {
        try {
            return new ReleaseDate(LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault()),
                    FILE_MODIFIED);
        } catch (IOException e) {
            return new ReleaseDate(null, FILE_MODIFIED);
        }
    }

    /**
     * The publication date in a published file's name: the last {@code YYYYMMDD} / {@code YYYY-MM-DD}
     * (NPPES {@code npidata_pfile_20050523-20261012.csv}), {@code MM-DD-YYYY} (CMS MUE
     * {@code _Eff_07-01-2026}), a quarter {@code 2026-q3} (its first day), SAM's Julian {@code _26305},
     * an LEIE supplement's {@code 2610} (first of the month). Null when the name carries none.
     */
    public static LocalDate dateInName(String name) {
        LocalDate last = null;
        Matcher ymd = YMD.matcher(name);
        while (ymd.find()) {
            LocalDate d = date(ymd.group(1), ymd.group(2), ymd.group(3));
            if (d != null) {
                last = d;
            }
        }
        if (last != null) {
            return last;
        }
        Matcher mdy = MDY.matcher(name);
        while (mdy.find()) {
            LocalDate d = date(mdy.group(3), mdy.group(1), mdy.group(2));
            if (d != null) {
                last = d;
            }
        }
        if (last != null) {
            return last;
        }
        Matcher quarter = QUARTER.matcher(name);
        if (quarter.find()) {
            return date(quarter.group(1), String.valueOf((Integer.parseInt(quarter.group(2)) - 1) * 3 + 1), "1");
        }
        Matcher sam = SAM_JULIAN.matcher(name);
        if (sam.find()) {
            int day = Integer.parseInt(sam.group(2));
            int year = 2000 + Integer.parseInt(sam.group(1));
            return day >= 1 && day <= LocalDate.of(year, 1, 1).lengthOfYear() ? LocalDate.ofYearDay(year, day) : null;
        }
        Matcher leie = LEIE_SUPPLEMENT.matcher(name);
        if (leie.find()) {
            return date("20" + leie.group(1), leie.group(2), "1");
        }
        return null;
    }

    static LocalDate date(String year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return d.getYear() >= 1990 && d.getYear() <= 2199 ? d : null;
        } catch (RuntimeException e) {
            return null;    // digits that are not a date
        }
    }
}
