package org.codecred.dossier;

import org.codecred.alignment.AlignmentOutcome;
import org.codecred.alignment.AlignmentRow;
import org.codecred.alignment.ProviderMetric;
import org.codecred.credentials.CheckResult;
import org.codecred.credentials.CredentialCheck;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Finding;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.domain.Verdict;
import org.codecred.output.OutputFiles;
import org.codecred.verdict.ProviderVerdict;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the dossier writer alone on synthetic dossiers (no database):
 * {@code java -cp ... org.codecred.dossier.DossierBenchmark PROVIDERS LINES_PER_PROVIDER THREADS XSSF|STREAMED|HYBRID|TEMPLATE OUTDIR}.
 */
public final class DossierBenchmark {

    private static final String[] CODES = {"90832", "90834", "90837", "90791", "90846", "90847", "90853", "99214"};

    public static void main(String[] args) throws Exception {
        int providers = Integer.parseInt(args[0]);
        int linesEach = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        DossierWorkbook workbook = new DossierWorkbook(DossierWorkbook.Engine.valueOf(args[3]));
        Path dir = Files.createDirectories(Path.of(args[4]));
        warmUp(workbook, dir, linesEach);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long bytes[] = new long[1];
        long start = System.nanoTime();
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(pool.submit(() -> {
                long cpu = mx.getCurrentThreadCpuTime();
                for (int p; (p = next.getAndIncrement()) < providers; ) {
                    Dossier d = dossier(p, linesEach);
                    Path target = dir.resolve(DossierFileName.of(d.provider().npi(), d.provider().lastName()));
                    OutputFiles.writeAtomically(target, tmp -> workbook.write(d, tmp));
                }
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                return null;
            }));
        }
        for (Future<?> f : tasks) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (var files = Files.list(dir)) {
            bytes[0] = files.mapToLong(f -> f.toFile().length()).sum();
        }
        double cpuMs = cpuNanos.get() / 1e6 / providers;
        System.out.printf("%s: %d dossiers x %d lines, %d threads: %.1f s wall, %.1f dossiers/s;"
                        + " writer CPU %.1f ms per dossier (%.0f dossiers/s per free core); %.1f KB each%n",
                args[3], providers, linesEach, threads, seconds, providers / seconds, cpuMs, 1000 / cpuMs,
                bytes[0] / 1024.0 / providers);
    }

    private static void warmUp(DossierWorkbook workbook, Path dir, int linesEach) throws Exception {
        for (int i = 0; i < 30; i++) {
            workbook.write(dossier(1_000_000 + i, linesEach), dir.resolve("warmup.xlsx"));
        }
        Files.delete(dir.resolve("warmup.xlsx"));
    }

    public static Dossier dossier(int p, int linesEach) {
        Random random = new Random(p);
        String npi = String.format("1%09d", p);
        Provider provider = new Provider(npi, "Name" + p, "Test", "LCSW", "L" + p, "IL", LocalDate.of(2027, 1, 31),
                "1041C0700X", List.of("trauma", "family-therapy"), null, p + 2);
        List<ClaimLine> lines = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int l = 0; l < linesEach; l++) {
            String code = CODES[random.nextInt(CODES.length)];
            ClaimLine line = new ClaimLine("claims.csv", (long) p * linesEach + l, "C" + p + "-" + l, 1, npi, null,
                    "M" + (100000 + random.nextInt(900000)), LocalDate.of(1970 + random.nextInt(40), 1, 1),
                    LocalDate.of(2026, 10, 1 + random.nextInt(31)), code, List.of(), 1,
                    random.nextInt(5) == 0 ? null : 10 + random.nextInt(60), List.of("F43.10", "F41.1"), "11",
                    new BigDecimal("150.00"), true);
            lines.add(line);
            if (random.nextInt(10) == 0) {
                findings.add(Finding.onLine(RuleId.TIME_UPCODED, line, "90834", "the documented minutes support a lower code"));
            }
        }
        findings.add(Finding.onProvider(RuleId.LICENSE_EXPIRING, npi, "", "license expires within 90 days"));
        return new Dossier(YearMonth.parse("2026-10"), provider,
                new ProviderVerdict(npi, Verdict.REVIEW, "LICENSE-EXPIRING", linesEach, findings.size() - 1, 0.9, 3, 1, 0),
                List.of(new CredentialCheck(npi, "NPI check digit", CheckResult.PASS, "valid", "roster.csv", null),
                        new CredentialCheck(npi, "License expiry", CheckResult.WARN, "expires 2027-01-31", "roster.csv", null),
                        new CredentialCheck(npi, "OIG exclusion list", CheckResult.PASS, "not listed", "UPDATED.csv", LocalDate.of(2026, 10, 1))),
                List.of(new ProviderMetric(npi, "share-90837", 0.4, "social workers", 400, 0.35, 0.6),
                        new ProviderMetric(npi, "services-per-day", 5.5, "social workers", 400, 5.0, 9.0)),
                List.of(new AlignmentRow(npi, "trauma", true, "F43.x primary", 0.5, 0.3, 0.15, AlignmentOutcome.SUPPORTED),
                        new AlignmentRow(npi, "family-therapy", true, "few 90846/90847", 0.1, 0.2, 0.1, AlignmentOutcome.WEAK)),
                findings, lines, LocalDateTime.of(2026, 11, 2, 8, 0));
    }
}
