package org.codecred.cli;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.dossier.Cells;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.output.RunSummaryWriter;
import org.codecred.testing.JobProcess;
import org.codecred.testing.JsonSchemaCheck;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28: SIGTERM (a service manager stopping the job, or Ctrl-C) in a chunked step stops the run at
 * the next chunk boundary with exit 4 and STOPPED in run-summary.json, and the same command completes
 * it to the outputs of an uninterrupted run; an interrupted --force leaves the previous complete
 * outputs byte for byte. Real processes, real signals.
 */
@Tag("slow")
class GracefulStopTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path shared;
    private static TestMonth uninterrupted;

    @TempDir
    Path tmp;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        uninterrupted = generated(shared.resolve("uninterrupted"));
        assertThat(uninterrupted.run()).as(uninterrupted.lastMessage).isEqualTo(ExitCode.COMPLETED);
    }

    private static TestMonth generated(Path root) throws IOException {
        TestMonth month = new TestMonth(root, "2026-10");
        SampleMonthGenerator.generate(YearMonth.of(2026, 10), 100, 30_000, 11, month.input);
        return month;
    }

    @Test
    void sigtermStopsAtAChunkBoundaryAndTheSameCommandCompletes() throws Exception {
        TestMonth month = generated(tmp);
        try (JobProcess job = JobProcess.start(Main.class, month.args())) {
            job.await("validateCoding to start", Duration.ofSeconds(240), () -> job.printed("step validateCoding: started"));
            JsonNode running = JSON.readTree(month.read("run-summary.json"));
            assertThat(running.path("status").asString()).isEqualTo("RUNNING");
            assertThat(JsonSchemaCheck.problems(schema(), running)).isEmpty();

            job.terminate();
            assertThat(job.awaitExit(Duration.ofSeconds(120))).as(job.output()).isEqualTo(ExitCode.STOPPED.code());
            assertThat(job.printed("step validateCoding: STOPPED")).as(job.output()).isTrue();
            assertThat(job.printed("stopped on request")).isTrue();
        }
        JsonNode stopped = JSON.readTree(month.read("run-summary.json"));
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.path("exit_code").asInt()).isEqualTo(4);
        assertThat(JsonSchemaCheck.problems(schema(), stopped)).isEmpty();

        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertSameOutputs(month.outputDir(), uninterrupted.outputDir());
        assertThat(month.query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("resumed, not restarted").containsExactly("1");
    }

    @Test
    void anInterruptedForceLeavesThePreviousOutputsByteForByte() throws Exception {
        TestMonth month = generated(tmp);
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        Map<String, String> before = digests(month.outputDir());
        assertThat(before).containsKey("findings.csv").containsKey("run-summary.json");

        Path aside = month.output.resolve(".2026-10.next");
        try (JobProcess job = JobProcess.start(Main.class, month.args("--force"))) {
            job.await("validateCoding to start", Duration.ofSeconds(240), () -> job.printed("step validateCoding: started"));
            assertThat(JSON.readTree(aside.resolve("run-summary.json").toFile()).path("status").asString()).isEqualTo("RUNNING");
            job.terminate();
            assertThat(job.awaitExit(Duration.ofSeconds(120))).as(job.output()).isEqualTo(ExitCode.STOPPED.code());
        }
        assertThat(digests(month.outputDir())).as("the previous outputs, byte for byte").isEqualTo(before);
        assertThat(JSON.readTree(aside.resolve("run-summary.json").toFile()).path("status").asString()).isEqualTo("STOPPED");

        assertThat(month.run("--force")).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(aside).doesNotExist();
        assertSameOutputs(month.outputDir(), uninterrupted.outputDir());
        assertThat(month.query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("the forced run resumed").containsExactly("2");
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = RunSummaryWriter.class.getResourceAsStream(RunSummaryWriter.SCHEMA)) {
            return JSON.readTree(in);
        }
    }

    private static void assertSameOutputs(Path actual, Path expected) throws IOException {
        for (String csv : List.of("findings.csv", "rejected.csv")) {
            assertThat(Files.readString(actual.resolve(csv))).as(csv).isEqualTo(Files.readString(expected.resolve(csv)));
        }
        List<String> workbooks = workbooks(expected);
        assertThat(workbooks(actual)).isEqualTo(workbooks).hasSizeGreaterThan(100);
        for (String name : workbooks) {
            assertThat(cells(actual.resolve(name))).as(name).isEqualTo(cells(expected.resolve(name)));
        }
    }

    private static List<String> workbooks(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).filter(n -> n.endsWith(".xlsx")).sorted().toList();
        }
    }

    private static String cells(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            return Cells.dump(workbook, Cells.RUN_TIMES);
        }
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(dir.relativize(file).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
