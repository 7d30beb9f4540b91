package org.codecred.dossier;

import org.codecred.sources.FileFacts;
import org.codecred.sources.PublishedSource;
import org.codecred.sources.PublishedSources;
import org.codecred.sources.ReleaseDate;
import org.codecred.sources.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files a run reads, for the Sources sheets: roster, claim files, the month's published lists
 * (as the registry of published sources names them) and every rule table, each with its kind, date,
 * rows and SHA-256, so a reader can tell exactly which LEIE or NPPES file a finding rests on.
 *
 * <p>Every file of the folders is listed, read or not, with its bytes and records; the Credentials
 * sheet lists the published files the checks used, with the rows they kept. Both take a file's date
 * and hash from the same {@link SourceFile} facts, read once per run.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** The files of a month's input folder and of the rules folder, in reading order. */
    public static List<SourceFile> of(Path inputDir, Path rulesDir) {
        Map<Path, String> published = new HashMap<>();
        for (PublishedSource source : PublishedSources.ALL) {
            try {
                source.filesIn(inputDir, rulesDir).forEach(f -> published.putIfAbsent(f, source.kind()));
            } catch (IllegalArgumentException notItsLayout) {
                // the input check stops a month with such a file; listed here by its folder
            }
        }
        List<SourceFile> files = new ArrayList<>();
        add(files, "roster", inputDir.resolve("roster.csv"));
        for (Path claims : list(inputDir, 1)) {
            String name = claims.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.startsWith("claims")) {
                add(files, name.endsWith(".csv") ? "claim file (CSV)" : "claim file (X12 837P)", claims);
            }
        }
        for (String folder : PublishedSources.monthlyFolders()) {
            for (Path file : list(inputDir.resolve(folder), 1)) {
                add(files, published.getOrDefault(file, PublishedSources.labelOfFolder(folder)), file);
            }
        }
        for (Path rule : list(rulesDir, 3)) {
            String name = rule.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md")) {
                continue;
            }
            add(files, published.getOrDefault(rule, rulesDir.relativize(rule).getNameCount() > 1
                    ? PublishedSources.RULE_FILE_AS_PUBLISHED : "rule table (kept by hand)"), rule);
        }
        return List.copyOf(files);
    }

    /** How the Sources sheets name a file's kind: a published source by its registry entry's words. */
    static String label(SourceFile file) {
        return PublishedSources.byKind(file.kind()).map(PublishedSource::sheetLabel).orElse(file.kind());
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
            boolean text = name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|txt|837|x12|edi)");
            FileFacts facts = FileFacts.of(file);
            // a roster or claim row never spans two lines (contract): a stray quote must not swallow the next ones
            boolean oneLinePerRecord = kind.equals("roster") || kind.startsWith("claim file");
            long records = oneLinePerRecord ? facts.lines() : facts.records();
            ReleaseDate released = ReleaseDate.of(kind, file);
            Long rows = text ? Math.max(0, records - 1 - comments(file)) : null;
            files.add(new SourceFile(kind, name, released.date(), released.from(), rows, facts.bytes(), facts.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
