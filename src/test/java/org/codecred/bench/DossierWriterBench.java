package org.codecred.bench;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.dossier.Dossier;
import org.codecred.dossier.DossierBenchmark;
import org.codecred.dossier.DossierWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The dossier writers side by side on one thread, against POI's minimal workbook (the floor of
 * docs/performance.md): {@code DossierWriterBench [DOSSIERS] [LINES] [ROUNDS]} (defaults 1000, 100,
 * 3). Each round writes the same realistic dossiers (8 sheets, 3 charts, links, drop-downs, print
 * setup; {@link DossierBenchmark#dossier}) into memory with the POI object model (HYBRID, the writer
 * before issue 27) and the template stream (TEMPLATE), and as many minimal workbooks, after a warm-up;
 * it prints CPU milliseconds per workbook and each writer in minimal workbooks. Not a test: run it
 * from the test classpath on a quiet machine.
 */
public final class DossierWriterBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String... args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Dossier> dossiers = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            dossiers.add(DossierBenchmark.dossier(p, lines));
        }
        DossierWorkbook poi = new DossierWorkbook(DossierWorkbook.Engine.HYBRID);
        DossierWorkbook template = new DossierWorkbook(DossierWorkbook.Engine.TEMPLATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        // warm-up: class loading, the template's one-time build, the JIT
        for (int i = 0; i < Math.min(count, 300); i++) {
            write(poi, dossiers.get(i), out);
            write(template, dossiers.get(i), out);
            minimal(out);
        }
        System.out.printf("%d dossiers of %d claim lines, one thread, CPU ms per workbook (%s)%n", count, lines,
                Runtime.version());
        for (int round = 1; round <= rounds; round++) {
            long size = 0;
            long start = cpu();
            for (Dossier d : dossiers) {
                write(poi, d, out);
            }
            double poiMs = (cpu() - start) / 1e6 / count;
            start = cpu();
            for (Dossier d : dossiers) {
                write(template, d, out);
                size += out.size();
            }
            double templateMs = (cpu() - start) / 1e6 / count;
            start = cpu();
            for (int i = 0; i < count; i++) {
                minimal(out);
            }
            double minimalMs = (cpu() - start) / 1e6 / count;
            System.out.printf("round %d: POI object model %.2f ms (%.1f minimal workbooks) | template %.2f ms (%.2f minimal"
                            + " workbooks, %.0f KB) | minimal workbook %.2f ms%n", round, poiMs, poiMs / minimalMs, templateMs,
                    templateMs / minimalMs, size / 1024.0 / count, minimalMs);
        }
    }

    private static void write(DossierWorkbook writer, Dossier dossier, ByteArrayOutputStream out) throws IOException {
        out.reset();
        writer.write(dossier, out);
    }

    /** Floor's minimal workbook: one sheet, a header and 20 rows of 6 cells. */
    private static void minimal(ByteArrayOutputStream out) throws IOException {
        out.reset();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Floor.minimalSheet(workbook);
            workbook.write(out);
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
