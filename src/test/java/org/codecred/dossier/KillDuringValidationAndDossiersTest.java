package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.Main;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power cuts in the later steps: the job's JVM is killed during validateCoding, resumed and killed
 * again during writeDossiers, then resumed to the end. findings.csv and every workbook's cells equal
 * those of an uninterrupted run (but the "Generated" time, which is each month's own first start).
 */
@Tag("slow")
class KillDuringValidationAndDossiersTest {

    @Test
    void killedTwiceResumesToTheSameOutputs(@TempDir Path tmp) throws Exception {
        TestMonth uninterrupted = new TestMonth(tmp.resolve("a"), "2026-10");
        TestMonth killed = new TestMonth(tmp.resolve("b"), "2026-10");
        for (TestMonth month : new TestMonth[]{uninterrupted, killed}) {
            SampleMonthGenerator.generate(YearMonth.of(2026, 10), 300, 120_000, 11, month.input);
        }
        assertThat(uninterrupted.run()).isEqualTo(ExitCode.COMPLETED);

        Path log = Path.of(killed.db + ".log");
        try (JobProcess job = JobProcess.start(Main.class, killed.args())) {
            job.await("validateCoding to start", Duration.ofSeconds(180), () -> job.printed("step validateCoding: started"));
            long atStart = size(log);
            job.await("validateCoding to commit", Duration.ofSeconds(120),
                    () -> size(log) > atStart + 100_000 || job.printed("step validateCoding: COMPLETED"));
            job.kill();
            assertThat(job.printed("step validateCoding: COMPLETED")).as("killed inside validateCoding").isFalse();
        }
        Path dossiers = killed.outputDir().resolve("dossiers");
        try (JobProcess job = JobProcess.start(Main.class, killed.args())) {
            job.await("some dossiers", Duration.ofSeconds(240), () -> count(dossiers) >= 20 || job.printed("step writeDossiers: COMPLETED"));
            job.kill();
            assertThat(job.printed("step writeDossiers: COMPLETED")).as("killed inside writeDossiers").isFalse();
            assertThat(job.printed("resuming the previous run")).isTrue();
        }
        assertThat(killed.run()).isEqualTo(ExitCode.COMPLETED);

        assertThat(killed.read("findings.csv")).isEqualTo(uninterrupted.read("findings.csv"));
        assertThat(killed.query("SELECT COUNT(*) FROM codecred.finding")).isEqualTo(uninterrupted.query("SELECT COUNT(*) FROM codecred.finding"));
        List<String> names = names(uninterrupted.outputDir().resolve("dossiers"));
        assertThat(names(dossiers)).isEqualTo(names).hasSizeGreaterThan(300);
        for (String name : names) {
            assertThat(cells(dossiers.resolve(name))).as(name)
                    .isEqualTo(cells(uninterrupted.outputDir().resolve("dossiers").resolve(name)));
        }
        String summary = "credentialing-summary-2026-10.xlsx";
        assertThat(cells(killed.outputDir().resolve(summary))).isEqualTo(cells(uninterrupted.outputDir().resolve(summary)));
    }

    private static String cells(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            return Cells.dump(workbook, Cells.RUN_TIMES);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).sorted().toList();
        }
    }

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".xlsx")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
