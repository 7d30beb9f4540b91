package org.codecred.sources;

import com.opencsv.RFC4180ParserBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The files of {@code exclusions/}, told apart by their header as published: the OIG LEIE
 * ({@code UPDATED.csv} and its monthly supplements) and the SAM.gov exclusions public extract.
 */
public record ExclusionFiles(List<Path> leie, List<Path> sam) {

    /** Sorts the CSV files of the folder; a file of neither layout is an error naming it and both layouts. */
    public static ExclusionFiles of(Path dir) {
        List<Path> leie = new ArrayList<>();
        List<Path> sam = new ArrayList<>();
        for (Path file : PublishedSources.csvFiles(dir)) {
            List<String> header = header(file);
            if (SamExclusionList.isSamHeader(header)) {
                sam.add(file);
            } else if (header.containsAll(ExclusionList.REQUIRED_COLUMNS)) {
                leie.add(file);
            } else {
                throw new IllegalArgumentException("exclusion file " + file + " is neither the OIG LEIE (columns "
                        + String.join(", ", ExclusionList.REQUIRED_COLUMNS).toUpperCase(Locale.ROOT)
                        + ") nor the SAM.gov exclusions extract (columns \"Classification\", \"First\", \"Last\","
                        + " \"Active Date\", \"Termination Date\"): drop the files as published");
            }
        }
        return new ExclusionFiles(List.copyOf(leie), List.copyOf(sam));
    }

    /** A file's header cells, lower case and trimmed, the byte-order mark removed; empty for an empty file. */
    static List<String> header(Path file) {
        try (BufferedReader in = new BufferedReader(PublishedText.open(file))) {
            String line = in.readLine();
            if (line == null) {
                return List.of();
            }
            return Arrays.stream(new RFC4180ParserBuilder().build().parseLine(line.replace("\uFEFF", "")))
                    .map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("exclusion file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
