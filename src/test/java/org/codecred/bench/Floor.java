package org.codecred.bench;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.domain.ClaimLine;
import org.codecred.dossier.DossierWorkbook;
import org.codecred.ingest.ClaimRowParser;
import org.codecred.ingest.CsvLineReader;
import org.codecred.ingest.IngestResult;
import org.codecred.ingest.RawRow;
import org.codecred.ingest.x12.X12ClaimReader;
import org.codecred.ingest.x12.X12Item;
import org.codecred.ingest.x12.X12LineParser;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 *     or: floor parse FILE... — claims*.csv and 837 files through the job's readers, timed apart,
 *     or: floor x12 FILE... — StAEDI alone over 837 files, or: floor dossier COUNT DIR — POI alone
 *     writing the dossier's bare structure)</pre>
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String... args) throws Exception {
        switch (args.length > 1 ? args[1] : "") {
            case "csv" -> csv(args);
            case "poi" -> poi(Integer.parseInt(args[2]), Path.of(args[3]));
            case "parse" -> parse(args);
            case "x12" -> x12(args);
            case "dossier" -> dossier(Integer.parseInt(args[2]), Path.of(args[3]));
            default -> {
                System.err.println("usage: floor csv FILE... | floor poi COUNT DIR | floor parse FILE... | floor x12 FILE..."
                        + " | floor dossier COUNT DIR");
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
                minimalSheet(workbook);
                workbook.write(out);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor poi: %,d minimal workbooks in %.1f s = %,.1f workbooks/s%n", count, seconds, count / seconds);
    }

    /**
     * StAEDI alone, as the job configures it (envelope validation on, Latin-1), over 837 files held in
     * memory: no mapping, no row checks, no disk. After a warm-up pass, once on one thread, then with every core tokenizing
     * its own copy of the month at the same time, which is what a perfect split of the files'
     * interchanges across the cores could give at most. Service lines are counted as SV1 segments.
     */
    private static void x12(String[] args) throws Exception {
        List<byte[]> month = new ArrayList<>();
        long bytes = 0;
        for (int i = 2; i < args.length; i++) {
            byte[] file = Files.readAllBytes(Path.of(args[i]));
            month.add(file);
            bytes += file.length;
        }
        tokenize(month); // a first pass, unreported, so that both figures run compiled code
        for (int threads : new int[]{1, Runtime.getRuntime().availableProcessors()}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> tokenize(month)));
            }
            long lines = 0;
            for (Future<Long> count : counts) {
                lines += count.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("floor x12 (StAEDI alone, %d thread%s): %,d service lines from %,d MB in %.1f s = %,.0f lines/s%n",
                    threads, threads == 1 ? "" : "s", lines, (bytes * threads) >> 20, seconds, lines / seconds);
        }
    }

    private static long tokenize(List<byte[]> month) throws Exception {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        long serviceLines = 0;
        for (byte[] file : month) {
            // ByteArrayInputStream's reads are synchronized; StAEDI reads one byte at a time
            EDIStreamReader reader = factory.createEDIStreamReader(new MemoryStream(file), "ISO-8859-1");
            while (reader.hasNext()) {
                if (reader.next() == EDIStreamEvent.START_SEGMENT && isServiceLine(reader)) {
                    serviceLines++;
                }
            }
            reader.close();
        }
        return serviceLines;
    }

    private static boolean isServiceLine(EDIStreamReader segment) {
        char[] text = segment.getTextCharacters();
        int at = segment.getTextStart();
        return segment.getTextLength() == 3 && text[at] == 'S' && text[at + 1] == 'V' && text[at + 2] == '1';
    }

    /** An unsynchronized, markable stream over bytes in memory. */
    private static final class MemoryStream extends InputStream {
        private final byte[] bytes;
        private int position;
        private int mark;

        MemoryStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int limit) {
            mark = position;
        }

        @Override
        public void reset() {
            position = mark;
        }
    }

    /**
     * POI alone writing what every dossier must hold, and nothing more: the eight sheets in the
     * contract's order, a Claim Lines sheet of a header and 100 lines of its 16 columns, and the three
     * one-series bar charts (code mix, peer comparison, history trend). No styles, widths, merged
     * titles, validations, print setup or other cells. Written both ways the job can: all in memory
     * (XSSF), and with the Claim Lines sheet streamed (SXSSF, inline strings). Each is timed against
     * the minimal workbook of {@link #poi} in the same JVM, after a warm-up of each.
     */
    static void minimalSheet(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet("Summary");
        for (int r = 0; r < 21; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < 6; c++) {
                row.createCell(c).setCellValue(r == 0 ? "header" + c : Integer.toString(r * c));
            }
        }
    }

    private static void dossier(int count, Path dir) throws Exception {
        Files.createDirectories(dir.resolve("minimal"));
        for (boolean warmUp : new boolean[]{true, false}) {
            int n = warmUp ? Math.max(1, count / 5) : count;
            double minimal = timed(n, i -> minimal(dir.resolve("minimal").resolve("w" + i + ".xlsx")));
            double inMemory = timed(n, i -> bareDossier(dir.resolve("xssf-" + i + ".xlsx"), false));
            double streamed = timed(n, i -> bareDossier(dir.resolve("sxssf-" + i + ".xlsx"), true));
            if (!warmUp) {
                System.out.printf("floor dossier: bare structure in memory %.1f ms = %.1f minimal workbooks, "
                                + "Claim Lines streamed %.1f ms = %.1f minimal workbooks (minimal %.2f ms, %,d each)%n",
                        inMemory * 1e3, inMemory / minimal, streamed * 1e3, streamed / minimal, minimal * 1e3, n);
            }
        }
    }

    private interface Write {
        void run(int i) throws Exception;
    }

    private static double timed(int n, Write write) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            write.run(i);
        }
        return (System.nanoTime() - start) / 1e9 / n;
    }

    private static void minimal(Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            minimalSheet(workbook);
            workbook.write(out);
        }
    }

    private static void bareDossier(Path file, boolean streamLines) throws Exception {
        List<String> names = DossierWorkbook.SHEETS;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (String name : names) {
                if (!streamLines || !name.equals(DossierWorkbook.CLAIM_LINES)) {
                    workbook.createSheet(name);
                }
            }
            XSSFSheet profile = workbook.getSheet("Coding Profile");
            chart(profile, 0);
            chart(profile, 1);
            chart(workbook.getSheet(names.get(names.size() - 2)), 0); // History
            if (!streamLines) {
                claimLines(workbook.getSheet(DossierWorkbook.CLAIM_LINES));
                workbook.write(out);
                return;
            }
            SXSSFWorkbook streamed =
                    new SXSSFWorkbook(workbook, 200, false, false);
            try {
                claimLines(streamed.createSheet(DossierWorkbook.CLAIM_LINES));
                streamed.setSheetOrder(DossierWorkbook.CLAIM_LINES,
                        names.indexOf(DossierWorkbook.CLAIM_LINES));
                streamed.write(out);
            } finally {
                streamed.close(); // also removes its temporary files
            }
        }
    }

    private static void claimLines(Sheet sheet) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < 16; c++) {
            header.createCell(c).setCellValue("Column " + c);
        }
        for (int r = 1; r <= 100; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < 16; c++) {
                // numbers where the dossier has numbers (line, units, minutes, charge, source line)
                if (c == 1 || c == 6 || c == 7 || c == 10 || c == 13) {
                    row.createCell(c).setCellValue(r * 7.0 + c);
                } else {
                    row.createCell(c).setCellValue("C2026" + (r * 31 + c * 7) % 997);
                }
            }
        }
    }

    private static void chart(XSSFSheet sheet, int index) {
        int top = index * 20;
        for (int r = 0; r < 5; r++) {
            Row row = sheet.createRow(top + r);
            row.createCell(0).setCellValue("9083" + r);
            row.createCell(1).setCellValue(r + 1);
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch() != null
                ? sheet.getDrawingPatriarch() : sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, top, 10, top + 15));
        XDDFCategoryAxis x =
                chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y =
                chart.createValueAxis(AxisPosition.LEFT);
        XDDFChartData data =
                chart.createData(ChartTypes.BAR, x, y);
        data.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet,
                        new CellRangeAddress(top, top + 4, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                        new CellRangeAddress(top, top + 4, 1, 1)));
        chart.plot(data);
    }
}
