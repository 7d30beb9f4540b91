package org.codecred.bench;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.codecred.domain.ClaimLine;
import org.codecred.ingest.ClaimRowParser;
import org.codecred.ingest.CsvLineReader;
import org.codecred.ingest.IngestResult;
import org.codecred.ingest.RawRow;
import org.codecred.ingest.x12.X12ClaimReader;
import org.codecred.ingest.x12.X12Item;
import org.codecred.ingest.x12.X12LineParser;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.OutputStream;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor the benchmark compares the job against, measured on the same machine in the same run:
 * a bare OpenCSV parse of the month's claim files, and bare POI writes of as many minimal workbooks
 * as the job writes dossiers. Nothing the job does for a line or a dossier can be faster than these.
 *
 * Benchmark-only code, so it lives in the test tree; {@code jobs/benchmark.sh} runs it with the jar's
 * libraries through Spring Boot's PropertiesLauncher:
 *
 * <pre>java -cp target/codecred.jar -Dloader.path=target/test-classes -Dloader.main=org.codecred.bench.Floor \
 *     org.springframework.boot.loader.launch.PropertiesLauncher floor csv FILE...   (or: floor poi COUNT DIR,
 *     or: floor parse FILE... — claims*.csv and 837 files through the job's readers, timed apart)</pre>
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String... args) throws Exception {
        switch (args.length > 1 ? args[1] : "") {
            case "csv" -> csv(args);
            case "poi" -> poi(Integer.parseInt(args[2]), Path.of(args[3]));
            case "parse" -> parse(args);
            default -> {
                System.err.println("usage: floor csv FILE... | floor poi COUNT DIR | floor parse FILE...");
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

    /**
     * The job's own reading without staging: the CSV claim files through CsvLineReader and
     * ClaimRowParser, the 837 files through X12ClaimReader (StAEDI) and X12LineParser, each to
     * accepted or rejected claim lines, timed apart so the two forms of one month compare.
     */
    private static void parse(String[] args) throws Exception {
        List<Path> csv = new ArrayList<>();
        List<Path> x12 = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            (file.getFileName().toString().toLowerCase().endsWith(".csv") ? csv : x12).add(file);
        }
        if (!csv.isEmpty()) {
            ClaimRowParser parser = new ClaimRowParser();
            CsvLineReader reader = new CsvLineReader("floor-csv", csv);
            long start = System.nanoTime();
            reader.open(new ExecutionContext());
            long[] counts = new long[2];
            RawRow row;
            while ((row = reader.read()) != null) {
                counts[parser.parse(row) instanceof IngestResult.Accepted<ClaimLine> ? 0 : 1]++;
            }
            reader.close();
            report("csv", csv, counts, start);
        }
        if (!x12.isEmpty()) {
            X12LineParser parser = new X12LineParser();
            X12ClaimReader reader = new X12ClaimReader("floor-x12", x12);
            long start = System.nanoTime();
            reader.open(new ExecutionContext());
            long[] counts = new long[2];
            X12Item item;
            while ((item = reader.read()) != null) {
                counts[parser.parse(item) instanceof IngestResult.Accepted<ClaimLine> ? 0 : 1]++;
            }
            reader.close();
            report("837", x12, counts, start);
        }
    }

    private static void report(String form, List<Path> files, long[] counts, long start) throws Exception {
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        System.out.printf("parse %-3s: %,d claim lines (%,d rejected) from %,d MB in %.1f s = %,.0f lines/s%n", form,
                counts[0] + counts[1], counts[1], bytes >> 20, seconds, (counts[0] + counts[1]) / seconds);
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
