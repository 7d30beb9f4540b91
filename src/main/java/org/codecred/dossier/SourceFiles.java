package org.codecred.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files a run reads, for the Sources sheets: roster, claim files, exclusion lists, the NPPES
 * extract and every rule table, each with its kind, date, rows and SHA-256, so a reader can tell
 * exactly which LEIE or NPPES file a finding rests on. Computed once per run.
 *
 * <p>Every file of the folders is listed, read or not, with its bytes and records; the Credentials
 * sheet lists the published files the checks used, with the rows they kept. Both date a file the
 * same way ({@link org.codecred.staging.SourceFile#dateInName}).
 */
public final class SourceFiles {

    /**
     * One file.
     *
     * @param date     the publication date written in the file name, else the file's modification date
     *                 (both as {@link org.codecred.staging.SourceFile} reads them)
     * @param dateFrom where {@code date} comes from: "file name" or "file modified"
     * @param rows     records after the header line (quoted line breaks do not count); null for non-text files
     */
    public record SourceFile(String kind, String name, LocalDate date, String dateFrom, Long rows, long bytes,
                             String sha256) {
    }

    private SourceFiles() {
    }

    /** The files of a month's input folder and of the rules folder, in reading order. */
    public static List<SourceFile> of(Path inputDir, Path rulesDir) {
        List<SourceFile> files = new ArrayList<>();
        add(files, "roster", inputDir.resolve("roster.csv"));
        for (Path claims : list(inputDir, 1)) {
            String name = claims.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.startsWith("claims")) {
                add(files, name.endsWith(".csv") ? "claim file (CSV)" : "claim file (X12 837P)", claims);
            }
        }
        list(inputDir.resolve("exclusions"), 1).forEach(f -> add(files, "exclusion list (OIG LEIE / SAM)", f));
        list(inputDir.resolve("nppes"), 1).forEach(f -> add(files, "NPPES registry extract", f));
        list(inputDir.resolve("optout"), 1).forEach(f -> add(files, "Medicare opt-out list", f));
        for (Path rule : list(rulesDir, 3)) {
            String name = rule.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md")) {
                continue;
            }
            add(files, rulesDir.relativize(rule).getNameCount() > 1 || name.startsWith("nucc")
                    ? "rule file (as published by CMS / NUCC)" : "rule table (kept by hand)", rule);
        }
        return List.copyOf(files);
    }

    private static List<Path> list(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<SourceFile> files, String kind, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String name = file.getFileName().toString();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            boolean text = name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|txt|837|x12|edi)");
            long records = 0;
            boolean quoted = false;
            // a roster or claim row never spans two lines (contract): a stray quote must not swallow the next ones
            boolean oneLinePerRecord = kind.equals("roster") || kind.startsWith("claim file");
            long bytes = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int lastByte = '\n';
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '"') {
                            quoted = !quoted;
                        } else if (b == '\n' && (!quoted || oneLinePerRecord)) {
                            records++;
                            quoted = false;
                        }
                    }
                    lastByte = buffer[n - 1];
                }
                if (lastByte != '\n' && bytes > 0) {
                    records++; // a last line without its line end
                }
            }
            // the same date the Credentials sheet gives the file (SAM's Julian date, CMS's MM-DD-YYYY, ...)
            LocalDate date = org.codecred.staging.SourceFile.published(file);
            String from = org.codecred.staging.SourceFile.dateInName(name) != null ? "file name" : "file modified";
            Long rows = text ? Math.max(0, records - 1 - comments(file)) : null;
            files.add(new SourceFile(kind, name, date, from, rows, bytes, HexFormat.of().formatHex(sha.digest())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Comment lines ({@code #}) at the top of a hand-kept rule table are not rows. */
    private static long comments(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.takeWhile(l -> l.startsWith("#")).count();
        }
    }

    /** CodeCred's version (one place for it: {@link org.codecred.job.Version}). */
    public static String version() {
        return org.codecred.job.Version.current();
    }
}
