package org.codecred.job;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.Main;
import org.codecred.dossier.Cells;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.testing.JobProcess;
import org.codecred.testing.RunTimes;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut in every step, across both stores (the embedded database and the staging engine beside
 * it): the month is run, killed as kill -9 would once it is inside step 1, run again with the same
 * command and killed inside step 2, and so on to the last step; then run to the end. Each kill comes
 * after the step has committed something (its stores' logs grew) or, for a step too quick to catch,
 * right after it started. Every output file — findings, rejects, run summary, each workbook's cells,
 * the report pages — the staged claim lines and the history equal those of an uninterrupted run of
 * the same input (run times aside). The steps are taken from the uninterrupted run's log, so a step
 * added to the job is killed too.
 */
@Tag("slow")
class KillInEveryStepTest {

    private static final Pattern STEP_STARTED = Pattern.compile("step ([A-Za-z]+): started");

    @Test
    void killedOnceInEachStepResumesToTheOutputsOfAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        String keyFile = "--codecred.history.key-file=" + tmp.resolve("history.key");
        TestMonth uninterrupted = new TestMonth(tmp.resolve("a"), "2026-10");
        TestMonth killed = new TestMonth(tmp.resolve("b"), "2026-10");
        for (TestMonth month : new TestMonth[]{uninterrupted, killed}) {
            // two months, CSV and 837 files, so history, peer windows and the X12 load have work to resume
            SampleMonthGenerator.generateMonths(YearMonth.of(2026, 9), YearMonth.of(2026, 10), 20, 4_000, 3, month.input,
                    SampleMonthGenerator.Format.MIXED);
            assertThat(new TestMonth(month.root, "2026-09").run(keyFile)).isEqualTo(ExitCode.COMPLETED);
        }
        List<String> steps;
        try (JobProcess job = JobProcess.start(Main.class, uninterrupted.args(keyFile))) {
            assertThat(job.awaitExit(Duration.ofSeconds(300))).isZero();
            steps = stepsIn(job.output());
        }
        assertThat(steps).as("the job's steps, in order").startsWith("prepareMonth").endsWith("recordHistory").hasSizeGreaterThan(12);

        List<String> killedInside = new ArrayList<>();
        for (String step : steps) {
            try (JobProcess job = JobProcess.start(Main.class, killed.args(keyFile))) {
                job.await(step + " to start", Duration.ofSeconds(300), () -> job.printed("step " + step + ": started"));
                long atStart = killed.loggedBytes();
                job.await(step + " to commit", Duration.ofSeconds(300), () -> killed.loggedBytes() > atStart
                        || job.printed("step " + step + ": COMPLETED") || !job.process().isAlive());
                assertThat(job.process().isAlive()).as("the job is still running when killed in " + step).isTrue();
                job.kill();
                if (!job.printed("step " + step + ": COMPLETED")) {
                    killedInside.add(step);
                }
            }
        }
        // most steps are caught inside; a step of a few milliseconds may finish before the kill lands
        assertThat(killedInside).as("steps killed before they completed").hasSizeGreaterThan(steps.size() / 2);
        assertThat(killed.run(keyFile)).as(killed.lastMessage).isEqualTo(ExitCode.COMPLETED);

        assertThat(outputs(killed)).isEqualTo(outputs(uninterrupted));
        assertThat(stored(killed)).isEqualTo(stored(uninterrupted));
    }

    /** The job's own steps in the order they started (partition workers aside). */
    private static List<String> stepsIn(String log) {
        LinkedHashSet<String> steps = new LinkedHashSet<>();
        Matcher m = STEP_STARTED.matcher(log);
        while (m.find()) {
            steps.add(m.group(1));
        }
        return new ArrayList<>(steps);
    }

    /** Every file the month wrote, by its path: workbooks as their cells, text with run times masked. */
    private static Map<String, String> outputs(TestMonth month) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path dir = month.outputDir();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString();
                if (name.endsWith(".xlsx")) {
                    files.put(name, cells(file));
                } else if (name.endsWith(".pdf")) {
                    files.put(name, "pdf");
                } else {
                    files.put(name, RunTimes.masked(Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(files).as("outputs of " + dir).containsKeys("findings.csv", "rejected.csv", "run-summary.json");
        return files;
    }

    private static String cells(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            return Cells.dump(workbook, Cells.RUN_TIMES);
        }
    }

    /** What the two stores keep of the month: its staged claim lines and metrics and every history row (recording time aside). */
    private static List<String> stored(TestMonth month) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.addAll(month.query("SELECT * FROM codecred.claim_line ORDER BY ALL"));
        rows.addAll(month.query("SELECT * FROM codecred.provider_metric ORDER BY ALL"));
        rows.addAll(month.query("SELECT COUNT(*) FROM codecred.finding"));
        rows.addAll(month.historyRows());
        rows.addAll(month.query("SELECT * FROM codecred.history_claim_ledger_block ORDER BY 1, 2, 3"));
        return rows;
    }
}
