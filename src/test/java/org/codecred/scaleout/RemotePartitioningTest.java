package org.codecred.scaleout;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.Main;
import org.codecred.job.ExitCode;
import org.codecred.dossier.Cells;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Scale-out end to end, every part real and in a JVM of its own: an Artemis broker on a free
 * loopback port, PostgreSQL as the shared job repository and staging, two worker JVMs and a manager
 * JVM. One worker is killed with {@code kill -9} while it writes dossiers: that partition alone
 * fails and the manager exits 1 once the others are done; the same manager command run again
 * re-runs only the failed partition (on the surviving worker), and findings.csv, rejected.csv and
 * every workbook cell equal those of a single-JVM run on the embedded database.
 *
 * <p>The database: {@code jdbc:postgresql://127.0.0.1:5432/codecred_scaleout} as user
 * {@code codecred} (created here from the {@code codecred} database if missing; see
 * {@code .ci/postgres-setup.sh}), or CODECRED_SCALEOUT_PG_URL / CODECRED_PG_USER / CODECRED_PG_PASSWORD.
 * The test owns that database: it empties it first. Skipped when no PostgreSQL server answers.
 */
@Tag("slow")
class RemotePartitioningTest {

    static final String MONTH = "2026-07";
    static final String URL = env("CODECRED_SCALEOUT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/codecred_scaleout");
    static final String USER = env("CODECRED_PG_USER", "codecred");
    static final String PASSWORD = env("CODECRED_PG_PASSWORD", "codecred");

    @TempDir
    Path tmp;

    @Test
    void killedWorkerFailsItsPartitionOnlyAndTheRerunMatchesOneJvm() throws Exception {
        emptyDatabase();
        TestMonth single = new TestMonth(tmp.resolve("single"), MONTH);
        SampleMonthGenerator.generate(YearMonth.parse(MONTH), 160, 16_000, 5, single.input);
        assertThat(single.run("--codecred.threads=1")).as(single.lastMessage).isEqualTo(ExitCode.COMPLETED);

        Path output = tmp.resolve("shared/output");
        int port = freePort();
        String broker = "--spring.artemis.broker-url=tcp://127.0.0.1:" + port;
        List<String> database = List.of("--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
        String[] manager = args(List.of("--month=" + MONTH, "--input=" + single.input, "--output=" + output,
                "--rules=jobs/rules", broker, "--codecred.partitions=6", "--codecred.partition.poll-interval=200ms"), database);
        String[] worker = args(List.of("--worker", "--rules=jobs/rules", broker, "--codecred.threads=1"), database);

        try (JobProcess brokerJvm = JobProcess.start(TestBroker.class, String.valueOf(port), tmp.resolve("broker").toString());
             JobProcess doomed = JobProcess.start(Main.class, worker);
             JobProcess survivor = JobProcess.start(Main.class, worker)) {
            brokerJvm.await("the broker", Duration.ofSeconds(120), () -> brokerJvm.printed(TestBroker.READY));
            for (JobProcess w : List.of(doomed, survivor)) {
                w.await("a worker to start", Duration.ofSeconds(300), () -> w.printed("worker started"));
            }

            Path dossiers = output.resolve(MONTH).resolve("dossiers");
            try (JobProcess first = JobProcess.start(Main.class, manager)) {
                doomed.await("the worker inside a dossier partition", Duration.ofSeconds(600),
                        () -> doomed.printed("partition writeDossiersWorker:") && count(dossiers) >= 5);
                doomed.kill();
                assertThat(first.process().waitFor(300, TimeUnit.SECONDS)).as("the manager ends").isTrue();
                assertThat(first.process().exitValue()).as(first.output()).isEqualTo(ExitCode.FAILED.code());
                assertThat(first.output()).contains("failed in step writeDossiers")
                        .contains("its worker stopped before finishing it");
            }
            List<String> failed = partitions("FAILED");
            assertThat(failed).as("only the killed worker's partition failed").hasSize(1);
            assertThat(failed.get(0)).startsWith("writeDossiersWorker:");
            assertThat(survivor.output()).contains("partition writeDossiersWorker:");

            try (JobProcess again = JobProcess.start(Main.class, manager)) {
                assertThat(again.process().waitFor(300, TimeUnit.SECONDS)).as("the rerun ends").isTrue();
                assertThat(again.process().exitValue()).as(again.output()).isEqualTo(ExitCode.COMPLETED.code());
            }
            assertThat(partitionsOfLastExecution()).as("the rerun ran just the failed partition").containsExactly(failed.get(0));
        }

        Path rerun = output.resolve(MONTH);
        for (String file : List.of("findings.csv", "rejected.csv")) {
            assertThat(Files.readString(rerun.resolve(file))).as(file).isEqualTo(Files.readString(single.outputDir().resolve(file)));
        }
        List<String> names = workbooks(single.outputDir().resolve("dossiers"));
        assertThat(workbooks(rerun.resolve("dossiers"))).isEqualTo(names).hasSizeGreaterThan(150);
        for (String name : names) {
            assertThat(cells(rerun.resolve("dossiers").resolve(name))).as(name)
                    .isEqualTo(cells(single.outputDir().resolve("dossiers").resolve(name)));
        }
        String summary = "credentialing-summary-" + MONTH + ".xlsx";
        assertThat(cells(rerun.resolve(summary))).isEqualTo(cells(single.outputDir().resolve(summary)));
        try (Stream<Path> files = Files.list(rerun.resolve("dossiers"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).as("no half-written dossier").isEmpty();
        }
    }

    private static String[] args(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }

    /** Names of the partitions (worker step executions) of the month with the given status, any execution. */
    private static List<String> partitions(String status) throws SQLException {
        return strings("SELECT step_name FROM batch_step_execution WHERE status = '" + status + "'"
                + " AND step_name LIKE '%Worker:%' ORDER BY step_name");
    }

    private static List<String> partitionsOfLastExecution() throws SQLException {
        return strings("SELECT step_name FROM batch_step_execution WHERE step_name LIKE '%Worker:%' AND job_execution_id ="
                + " (SELECT MAX(job_execution_id) FROM batch_job_execution) ORDER BY step_name");
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A clean database of the test's own: created if missing, else emptied of every table. */
    private static void emptyDatabase() {
        String name = URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS codecred CASCADE");
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
            return;
        } catch (SQLException missing) {
            // created below
        }
        String maintenance = URL.substring(0, URL.lastIndexOf('/') + 1) + "codecred";
        try (Connection c = DriverManager.getConnection(maintenance, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            abort("scale-out test skipped: no PostgreSQL database " + URL + " for user " + USER + " and none could be"
                    + " created (" + e.getMessage() + "). Run .ci/postgres-setup.sh, or set CODECRED_SCALEOUT_PG_URL.");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xlsx")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> workbooks(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).sorted().toList();
        }
    }

    /** Every cell as shown, but the "Generated" row: each run's own first start time. */
    private static String cells(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            return Cells.dump(workbook, Cells.RUN_TIMES);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
