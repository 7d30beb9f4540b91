package org.codecred.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Text outputs compared across runs: the times a run stamps on them are the only part allowed to differ. */
public final class RunTimes {

    private static final Pattern RUN_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?( UTC)?");

    private RunTimes() {
    }

    /** The text with every date-and-time masked as {@code TIME}. */
    public static String masked(String text) {
        return RUN_TIME.matcher(text).replaceAll("TIME");
    }

    /** Every file under {@code dir} whose name ends with {@code suffix}, by its relative path, times masked. */
    public static Map<String, String> files(Path dir, String suffix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix)).toList()) {
                files.put(dir.relativize(file).toString(), masked(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }
}
