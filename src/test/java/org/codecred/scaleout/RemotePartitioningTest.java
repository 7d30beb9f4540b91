package org.codecred.scaleout;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.cli.Main;
import org.codecred.dossier.Cells;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.JobProcess;
import org.codecred.testing.RunTimes;
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
                "--rules=src/test/resources/rules", broker, "--codecred.partitions=6", "--codecred.partition.poll-interval=200ms"), database);
        // small commits, so the kill below lands inside a partition of about 27 providers, not after it
        String[] worker = args(List.of("--worker", "--rules=src/test/resources/rules", broker, "--codecred.threads=1",
                "--codecred.dossiers-per-commit=4"), database);

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
                        .contains("its worker stopped before finishing it")
                        .containsPattern("failed in step writeDossiers \\(partition range\\d+\\): worker \\d+@\\S+ was lost"
                                + " while running partition writeDossiersWorker:range\\d+");
                // the exit line says what happened, not Spring Batch's "Partition handler returned an unsuccessful
                // step" (which the log keeps above it, with its trace, for whoever looks into the run)
                assertThat(first.output().lines().filter(l -> l.startsWith("codecred: ")).toList()).last().asString()
                        .contains("was lost while running partition")
                        .doesNotContain("Partition handler returned an unsuccessful step");
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
        // the provider pages are written beside the dossiers, on the workers (the killed one's again)
        java.util.Map<String, String> pages = RunTimes.files(single.outputDir().resolve("report"), ".html");
        assertThat(pages).hasSizeGreaterThan(150);
        assertThat(RunTimes.files(rerun.resolve("report"), ".html")).isEqualTo(pages);
        try (Stream<Path> files = Files.list(rerun.resolve("dossiers"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).as("no half-written dossier").isEmpty();
        }
    }

    /**
     * A worker started with other rule tables than the manager's runs none of the manager's
     * partitions: each fails with one line naming both digests, and the manager's exit line says so.
     * A request for a partition that is no longer waiting (sent again here, as a restarted manager's
     * queue may hold it) is acknowledged and dropped with one INFO line: no redelivery, nothing in the
     * dead-letter queue.
     */
    @Test
    void aWorkerWithOtherRuleTablesFailsItsPartitionsAndAStaleRequestIsDroppedOnce() throws Exception {
        emptyDatabase();
        TestMonth month = new TestMonth(tmp.resolve("m"), MONTH);
        SampleMonthGenerator.generate(YearMonth.parse(MONTH), 12, 600, 5, month.input);
        Path otherRules = tmp.resolve("other-rules");
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/rules"))) {
            for (Path from : files.toList()) {
                Path to = otherRules.resolve(Path.of("src/test/resources/rules").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.writeString(otherRules.resolve("local-addition.csv"), "a table the manager does not have\n");
        String managers = RuleTablesDigest.of(Path.of("src/test/resources/rules"));
        String workers = RuleTablesDigest.of(otherRules);
        assertThat(workers).isNotEqualTo(managers);

        int port = freePort();
        String broker = "--spring.artemis.broker-url=tcp://127.0.0.1:" + port;
        List<String> database = List.of("--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
        String[] manager = args(List.of("--month=" + MONTH, "--input=" + month.input, "--output=" + tmp.resolve("out"),
                "--rules=src/test/resources/rules", broker, "--codecred.partitions=3", "--codecred.partition.poll-interval=200ms"), database);
        String[] worker = args(List.of("--worker", "--rules=" + otherRules, broker, "--codecred.threads=1"), database);

        try (JobProcess brokerJvm = JobProcess.start(TestBroker.class, String.valueOf(port), tmp.resolve("broker").toString());
             JobProcess other = JobProcess.start(Main.class, worker)) {
            brokerJvm.await("the broker", Duration.ofSeconds(120), () -> brokerJvm.printed(TestBroker.READY));
            other.await("the worker to start", Duration.ofSeconds(300), () -> other.printed("worker started"));
            try (JobProcess run = JobProcess.start(Main.class, manager)) {
                assertThat(run.process().waitFor(300, TimeUnit.SECONDS)).as("the manager ends").isTrue();
                assertThat(run.process().exitValue()).as(run.output()).isEqualTo(ExitCode.FAILED.code());
                String exitLine = run.output().lines().filter(l -> l.startsWith("codecred: month")).findFirst().orElse("");
                assertThat(exitLine).containsPattern("failed in step \\w+ \\(partition \\S+\\): worker \\d+@")
                        .contains("has other rule tables (digest " + workers + ")")
                        .contains("than the manager (digest " + managers + ")")
                        .contains("start every worker with the manager's --rules folder");
            }
            assertThat(partitions("COMPLETED")).as("no partition ran with other rules").isEmpty();
            assertThat(other.output()).contains("not run: worker ").doesNotContain("Exception");

            // a request for a partition that is no longer waiting (it failed above)
            List<String> stale = strings("SELECT step_execution_id || ' ' || step_name FROM batch_step_execution"
                    + " WHERE status = 'FAILED' AND step_name LIKE '%Worker:%' ORDER BY step_execution_id");
            assertThat(stale).isNotEmpty();
            String[] partition = stale.get(0).split(" ");
            String dropped = "partition " + partition[1] + " is no longer waiting (FAILED); request acknowledged and dropped";
            try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                 jakarta.jms.Connection connection = factory.createConnection()) {
                jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
                jakarta.jms.ObjectMessage request = session.createObjectMessage(
                        new org.springframework.batch.integration.partition.StepExecutionRequest(partition[1],
                                Long.parseLong(partition[0])));
                request.setStringProperty(RuleTablesDigest.HEADER, workers);
                session.createProducer(session.createQueue(ScaleOutConfig.QUEUE)).send(request);
                other.await("the stale request dropped", Duration.ofSeconds(120), () -> other.printed(dropped));
                connection.start();
                other.await("the request queue empty", Duration.ofSeconds(60),
                        () -> queueEmpty(session, ScaleOutConfig.QUEUE));
                assertThat(other.output().lines().filter(l -> l.contains(dropped))).as("delivered once").hasSize(1);
                assertThat(queueEmpty(session, TestBroker.DLQ)).as("nothing in the dead-letter queue").isTrue();
            }
            assertThat(other.output()).doesNotContain("Exception");
        }
    }

    private static boolean queueEmpty(jakarta.jms.Session session, String queue) {
        try (jakarta.jms.QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            return !browser.getEnumeration().hasMoreElements();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
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
