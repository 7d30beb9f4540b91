package org.codecred.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The month's {@code report/} folder as a whole. A month run anew writes a page for every provider
 * on the roster as it is now; the pages of a previous run go first, so no page of a provider who
 * left the roster stays behind looking current. Only the files CodeCred writes there (and its own
 * unfinished temporary files) are removed: anything a user put there stays.
 */
final class ReportFolder {

    static final String SCRIPT = "report.js";
    static final String STYLESHEET = "report.css";
    private static final List<String> FILES = List.of(Links.INDEX, SCRIPT, STYLESHEET);
    private static final Pattern PAGE = Pattern.compile("\\d{1,15}\\.html");

    private ReportFolder() {
    }

    static int remove(Path report) {
        if (!Files.isDirectory(report, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try {
            for (String name : FILES) {
                removed += delete(report.resolve(name)) + delete(report.resolve("." + name + ".part"));
            }
            Path providers = report.resolve(Links.PROVIDERS);
            if (Files.isDirectory(providers, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.list(providers)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        String page = name.startsWith(".") && name.endsWith(".part")
                                ? name.substring(1, name.length() - ".part".length()) : name;
                        if (PAGE.matcher(page).matches()) {
                            removed += delete(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the old report in " + report + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private static int delete(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file) ? 1 : 0;
    }
}
