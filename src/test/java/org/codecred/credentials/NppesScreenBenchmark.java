package org.codecred.credentials;

import org.codecred.sources.NppesRegistry;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures the NPPES screen on a generated file in the dissemination layout (330 quoted columns).
 * Two separate JVMs, so the screen's heap is measured alone:
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * CP=target/classes:target/test-classes:$(cat target/cp.txt)
 * java -cp $CP org.codecred.credentials.NppesScreenBenchmark generate /tmp/npidata_pfile_20050523-20261012.csv 2000000
 * java -Xmx512m -cp $CP org.codecred.credentials.NppesScreenBenchmark screen /tmp/npidata_pfile_20050523-20261012.csv 20000
 * rm /tmp/npidata_pfile_20050523-20261012.csv
 * </pre>
 * {@code screen FILE N} looks for N rostered NPIs (every 100th generated NPI, so all are found) and
 * prints the time and the peak heap (sum of the heap pools' peaks: an upper bound).
 */
public final class NppesScreenBenchmark {

    private static final String[] TAXONOMIES = {"1041C0700X", "101YM0800X", "103TC0700X", "2084P0800X", "363LP0808X",
            "207Q00000X", "208D00000X", "261QM0801X", "122300000X", "225100000X"};
    private static final String[] STATES = {"TX", "CA", "NY", "OH", "FL", "MA", "WA", "IL"};

    private NppesScreenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: generate FILE ROWS | screen FILE ROSTERED_NPIS");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        if (args[0].equals("generate")) {
            generate(file, n);
        } else {
            screen(file, n);
        }
    }

    /** The i-th generated NPI: base 100000000 + i with its check digit. */
    static String npiOf(int i) {
        return Fixtures.npi(Integer.toString(100_000_000 + i));
    }

    static void generate(Path file, int rows) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(NppesFiles.headerLine());
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                String state = STATES[random.nextInt(STATES.length)];
                Map<String, String> row = new HashMap<>(NppesFiles.individual(npiOf(i), "LASTNAME" + i, "FIRST" + (i % 997),
                        TAXONOMIES[random.nextInt(TAXONOMIES.length)], "LIC" + random.nextInt(1_000_000), state));
                row.put("Provider Middle Name", "M");
                row.put("Provider Credential Text", "LCSW");
                row.put("Provider Sex Code", i % 2 == 0 ? "F" : "M");
                row.put("Provider First Line Business Mailing Address", (i % 9999) + " MAIN STREET SUITE 200");
                row.put("Provider Business Mailing Address City Name", "SPRINGFIELD");
                row.put("Provider Business Mailing Address State Name", state);
                row.put("Provider Business Mailing Address Postal Code", "455011234");
                row.put("Provider Business Mailing Address Country Code (If outside U.S.)", "US");
                row.put("Provider Business Mailing Address Telephone Number", "5555550100");
                row.put("Provider First Line Business Practice Location Address", (i % 9999) + " MAIN STREET SUITE 200");
                row.put("Provider Business Practice Location Address City Name", "SPRINGFIELD");
                row.put("Provider Business Practice Location Address State Name", state);
                row.put("Provider Business Practice Location Address Postal Code", "455011234");
                row.put("Provider Business Practice Location Address Country Code (If outside U.S.)", "US");
                row.put("Provider Business Practice Location Address Telephone Number", "5555550100");
                row.put("Other Provider Identifier_1", "MCD" + i);
                row.put("Other Provider Identifier Type Code_1", "05");
                row.put("Other Provider Identifier State_1", state);
                row.put("Is Sole Proprietor", "N");
                row.put("Certification Date", "01/15/2024");
                if (i % 3 == 0) {
                    row.put("Healthcare Provider Taxonomy Code_2", TAXONOMIES[random.nextInt(TAXONOMIES.length)]);
                    row.put("Provider License Number_2", "LIC" + random.nextInt(1_000_000));
                    row.put("Provider License Number State Code_2", state);
                    row.put("Healthcare Provider Primary Taxonomy Switch_2", "N");
                }
                out.write(NppesFiles.line(row));
                out.write('\n');
            }
        }
        System.out.printf("generated %,d rows, %,d MB in %.1f s%n", rows, Files.size(file) >> 20,
                (System.nanoTime() - started) / 1e9);
    }

    static void screen(Path file, int rostered) {
        Set<String> npis = new HashSet<>();
        for (int i = 0; npis.size() < rostered; i += 100) {
            npis.add(npiOf(i));
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long started = System.nanoTime();
        NppesRegistry registry = NppesRegistry.scan(java.util.List.of(file), npis);
        double seconds = (System.nanoTime() - started) / 1e9;
        long found = npis.stream().filter(npi -> registry.find(npi).isPresent()).count();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("screened %,d lines (%,d MB) in %.1f s (%,.0f lines/s); %,d of %,d rostered NPIs found;"
                        + " peak heap %d MB of max %d MB%n", registry.linesRead(), sizeOf(file) >> 20, seconds,
                registry.linesRead() / seconds, found, npis.size(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
