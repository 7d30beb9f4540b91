package org.codecred.sources;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One entry of the registry of published sources ({@link PublishedSources}): where its files lie,
 * which files of that folder are its own, how the Sources sheets name it, how its release date is
 * known and how its files are read.
 *
 * @param kind        its name in the Sources sheets, the Credentials sheet and run-summary.json ({@code OIG LEIE})
 * @param root        whether its folder lies in the month's input folder or in the rules folder
 * @param folder      the folder under {@code root} ({@code exclusions}; "" for the rules folder itself)
 * @param files       its files among the folder's, in reading order (the folder may be absent: then none)
 * @param sheetLabel  how the Sources sheets describe its files
 * @param releaseDate how a file's release date is known
 * @param layout      how its files are checked and read; null for the rules-folder sources read at start-up
 *                    by their owners (CMS tables and ICD-10-CM by the coding rules, NUCC by the credential rules)
 */
public record PublishedSource(String kind, Root root, String folder, Function<Path, List<Path>> files,
                              String sheetLabel, ReleaseDateRule releaseDate, Layout<?> layout) {

    /** Where a source's folder lies. */
    public enum Root { INPUT, RULES }

    /** How a file's release date is known. */
    @FunctionalInterface
    public interface ReleaseDateRule {
        ReleaseDate of(Path file);
    }

    /**
     * A source's layout: its readability check, run on the whole file before the month starts, and
     * the reading of its rows into the list the credential checks use.
     */
    public interface Layout<T extends PublishedData> {

        /**
         * Reads every record of the files, keeping nothing, so that a damaged file stops the run before
         * the month starts with a message naming the file and where it breaks.
         *
         * @throws IllegalArgumentException naming the file, the problem and what to do
         */
        void checkReadable(List<Path> files);

        /** Columns each file's header must have, checked before the month starts (none: the layout checks it). */
        default List<String> requiredColumns() {
            return List.of();
        }

        /** The files' rows as the list the checks use (empty when there is no file). */
        T load(List<Path> files, Set<String> rosteredNpis);
    }

    /** What a source's layout reads: the files it read (with the rows kept) and its rows. */
    public interface PublishedData {
        List<SourceFile> files();

        long rows();

        default boolean isEmpty() {
            return files().isEmpty();
        }
    }

    /** The source's files in the month's input folder or the rules folder. */
    public List<Path> filesIn(Path inputDir, Path rulesDir) {
        Path base = root == Root.INPUT ? inputDir : rulesDir;
        return files.apply(folder.isEmpty() ? base : base.resolve(folder));
    }

    /** The folder as an auditor finds it, e.g. {@code exclusions/}. */
    public String folderName() {
        return folder.isEmpty() ? (root == Root.INPUT ? "the month's folder" : "the rules folder") : folder + "/";
    }
}
