package org.codecred.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published source file a month's checks used, as the dossiers' Sources sheet shows it.
 *
 * @param kind      what the file is, e.g. {@code CMS MUE}, {@code NPPES}, {@code OIG LEIE}, {@code SAM exclusions}
 * @param fileName  the file's name (for a zip: the zip's name)
 * @param published the publication date the file's name carries, else the file's modification date
 * @param rows      the rows read from it (for CMS tables: rows kept)
 * @param sha256    the SHA-256 of the file's bytes, lower-case hex
 */
public record SourceFile(String kind, String fileName, LocalDate published, long rows, String sha256) {

    private static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");
    private static final Pattern MDY = Pattern.compile("(?<!\\d)(\\d{2})-(\\d{2})-(\\d{4})(?!\\d)");
    private static final Pattern QUARTER = Pattern.compile("(?i)(?<!\\d)(\\d{4})-?q([1-4])(?![0-9])");
    /** SAM.gov extracts end in a Julian date YYDDD: {@code SAM_Exclusions_Public_Extract_V2_26305.ZIP}. */
    private static final Pattern SAM_JULIAN = Pattern.compile("(?i)^SAM_Exclusions_Public_Extract(?:_V2)?_(\\d{2})(\\d{3})\\.");
    /** OIG LEIE monthly supplements: {@code 2610EXCL.csv}, {@code 2610REIN.csv} (YYMM). */
    private static final Pattern LEIE_SUPPLEMENT = Pattern.compile("(?i)^(\\d{2})(\\d{2})(EXCL|REIN)\\.");

    /** A file on disk: its published date from its name or modification time, and its SHA-256. */
    public static SourceFile of(String kind, Path file, long rows) {
        return new SourceFile(kind, file.getFileName().toString(), published(file), rows, sha256(file));
    }

    /** The date a file's name carries (its last one), else its modification date; null if neither. */
    public static LocalDate published(Path file) {
        LocalDate inName = dateInName(file.getFileName().toString());
        if (inName != null) {
            return inName;
        }
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
        } catch (IOException e) {
            return null;
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

    private static LocalDate date(String year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return d.getYear() >= 1990 && d.getYear() <= 2199 ? d : null;
        } catch (RuntimeException e) {
            return null;    // digits that are not a date
        }
    }

    /** The SHA-256 of a file, read in blocks. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
