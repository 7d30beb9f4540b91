package org.codecred.bench;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor the benchmark compares the job against, measured on the same machine in the same run:
 * a bare OpenCSV parse of the month's claim files, and bare POI writes of as many minimal workbooks
 * as the job writes dossiers. Nothing the job does for a line or a dossier can be faster than these.
 *
 * Benchmark-only code, so it lives in the test tree; {@code jobs/benchmark.sh} runs it with the jar's
 * libraries through Spring Boot's PropertiesLauncher:
 *
 * <pre>java -cp target/codecred.jar -Dloader.path=target/test-classes -Dloader.main=org.codecred.bench.Floor \
 *     org.springframework.boot.loader.launch.PropertiesLauncher floor csv FILE...   (or: floor poi COUNT DIR)</pre>
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String... args) throws Exception {
        switch (args.length > 1 ? args[1] : "") {
            case "csv" -> csv(args);
            case "poi" -> poi(Integer.parseInt(args[2]), Path.of(args[3]));
            default -> {
                System.err.println("usage: floor csv FILE... | floor poi COUNT DIR");
                System.exit(2);
            }
        }
    }

    private static void csv(String[] args) throws Exception {
        long start = System.nanoTime();
        long lines = 0;
        for (int i = 2; i < args.length; i++) {
            // line by line, as the job reads: one physical line is one record
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[i]), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    RFC4180Parser parser = new RFC4180ParserBuilder().build();
                    parser.parseLineMulti(line);
                    lines++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor csv: %,d lines in %.1f s = %,.0f lines/s%n", lines, seconds, lines / seconds);
    }

    /** Minimal workbooks: one sheet, a header and 20 rows of 6 cells, as small as a dossier can be. */
    private static void poi(int count, Path dir) throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (XSSFWorkbook workbook = new XSSFWorkbook();
                 OutputStream out = Files.newOutputStream(dir.resolve("w" + i + ".xlsx"))) {
                Sheet sheet = workbook.createSheet("Summary");
                for (int r = 0; r < 21; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < 6; c++) {
                        row.createCell(c).setCellValue(r == 0 ? "header" + c : Integer.toString(r * c));
                    }
                }
                workbook.write(out);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor poi: %,d minimal workbooks in %.1f s = %,.1f workbooks/s%n", count, seconds, count / seconds);
    }
}
