package org.codecred.dossier;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares two folders of workbooks (e.g. a baseline month's output and a new run's) with {@link
 * WorkbookDiff}, run times masked: {@code CompareWorkbookFolders BASE NEW}. Prints the differences and
 * "SAME n workbooks" when there are none; exit code 1 otherwise.
 */
public final class CompareWorkbookFolders {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?Z?"
            + "|[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} [A-Z]+ \\d{4}");

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path other = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        int differing = 0;
        for (Path file : files) {
            Path twin = other.resolve(base.relativize(file).toString());
            if (!Files.exists(twin)) {
                System.out.println("MISSING " + twin);
                differing++;
                continue;
            }
            List<String> diffs = new ArrayList<>();
            try (XSSFWorkbook a = open(file); XSSFWorkbook b = open(twin)) {
                for (String d : WorkbookDiff.differences(a, b, 10)) {
                    String masked = TIME.matcher(d).replaceAll("<time>");
                    String[] lines = masked.split("\n");
                    if (!lines[0].substring("expected ".length()).equals(lines[1].trim().substring("got ".length()))) {
                        diffs.add(d);
                    }
                }
            }
            if (!diffs.isEmpty()) {
                differing++;
                System.out.println("DIFF " + base.relativize(file));
                diffs.forEach(d -> System.out.println("  " + d));
            }
        }
        System.out.println(differing == 0 ? "SAME " + files.size() + " workbooks" : differing + " of " + files.size() + " differ");
        System.exit(differing == 0 ? 0 : 1);
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }
}
