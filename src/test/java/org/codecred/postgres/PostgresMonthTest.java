package org.codecred.postgres;

import org.codecred.cli.CodeCred;
import org.codecred.database.PostgresMonthLock;
import org.codecred.job.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A whole month on a real PostgreSQL server: the same outputs as on HSQLDB, a run killed with
 * {@code kill -9} in the middle of loading claims and resumed by the same command to the same
 * staged rows and outputs, and a second launch of the running month refused with exit 3.
 *
 * <p>The server: {@code jdbc:postgresql://127.0.0.1:5432/codecred}, user and password
 * {@code codecred} (what {@code .ci/postgres-setup.sh} creates), or CODECRED_PG_URL,
 * CODECRED_PG_USER, CODECRED_PG_PASSWORD. Skipped when no server answers. The test owns month
 * {@value #MONTH} in that database: it deletes that month's runs and staged rows before it starts.
 */
@Tag("slow")
class PostgresMonthTest {

    static final String MONTH = "2026-09";
    static final String URL = env("CODECRED_PG_URL", "jdbc:postgresql://127.0.0.1:5432/codecred");
    static final String USER = env("CODECRED_PG_USER", "codecred");
    static final String PASSWORD = env("CODECRED_PG_PASSWORD", "codecred");

    static final int CLAIM_LINES = 40_000;

    @TempDir
    Path tmp;

    @BeforeEach
    void serverReachable() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.isValid(5);
        } catch (SQLException e) {
            abort("PostgreSQL integration test skipped: no PostgreSQL server reachable at " + URL + " as user " + USER
                    + " (" + e.getMessage() + "). Run .ci/postgres-setup.sh, or point CODECRED_PG_URL, CODECRED_PG_USER"
                    + " and CODECRED_PG_PASSWORD at a scratch database.");
        }
    }

    @Test
    void wholeMonthMatchesHsqldbAndSurvivesKillAndResume() throws Exception {
        Path input = tmp.resolve("input");
        GeneratedMonth.write(input.resolve(MONTH), CLAIM_LINES);

        // 1. the month on the embedded HSQLDB database
        Path hsqldbOut = tmp.resolve("out-hsqldb");
        assertEquals(ExitCode.COMPLETED, runInProcess(input, hsqldbOut, "--db=" + tmp.resolve("db/codecred")));

        // 2. the same month on PostgreSQL, uninterrupted
        clearMonth();
        Path pgOut = tmp.resolve("out-pg");
        assertEquals(ExitCode.COMPLETED, runInProcess(input, pgOut, "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD));
        assertSameOutputs(hsqldbOut, pgOut);
        List<String> staged = stagedRows();
        assertTrue(staged.size() > CLAIM_LINES, "claim lines, rejects and roster are staged");

        // 3. killed during loadClaims (credentials from the environment this time), then resumed
        clearMonth();
        Path resumedOut = tmp.resolve("out-resumed");
        Process first = childRun(input, resumedOut);
        ChildLog log = new ChildLog(first);
        log.awaitLine("step loadClaims: started");
        long committed;
        do {
            assertTrue(first.isAlive(), "the first run ended before any claim chunk was seen:\n" + log.text());
            committed = count("SELECT COUNT(*) FROM codecred.claim_line WHERE month = ?");
        } while (committed == 0);
        signal(first, "STOP"); // frozen, so what is committed now is what the kill leaves behind
        committed = count("SELECT COUNT(*) FROM codecred.claim_line WHERE month = ?");
        assertTrue(committed > 0 && committed < CLAIM_LINES,
                "the kill must come in the middle of loadClaims, " + committed + " of " + CLAIM_LINES + " lines committed");

        // a second launch of the month while the first holds it: exit 3 at once, nothing touched
        ByteArrayOutputStream secondErr = new ByteArrayOutputStream();
        ExitCode second = CodeCred.run(new PrintStream(secondErr, true, StandardCharsets.UTF_8), args(input,
                tmp.resolve("out-second"), "--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD));
        assertEquals(ExitCode.RUNNING, second, secondErr.toString(StandardCharsets.UTF_8));
        assertTrue(secondErr.toString(StandardCharsets.UTF_8).contains("already running"));
        assertEquals(committed, count("SELECT COUNT(*) FROM codecred.claim_line WHERE month = ?"));

        first.destroyForcibly();
        first.waitFor(60, TimeUnit.SECONDS);
        assertEquals("STARTED", lastStatus(), "a killed run leaves its execution marked as running");

        Process resume = childRun(input, resumedOut);
        ChildLog resumeLog = new ChildLog(resume);
        assertTrue(resume.waitFor(180, TimeUnit.SECONDS), "the resumed run did not finish");
        assertEquals(0, resume.exitValue(), resumeLog.text());
        assertTrue(resumeLog.text().contains("resuming the previous run"), resumeLog.text());
        assertEquals("COMPLETED", lastStatus());
        assertEquals(2, count("SELECT COUNT(*) FROM batch_job_execution e JOIN batch_job_execution_params p"
                + " ON p.job_execution_id = e.job_execution_id WHERE p.parameter_name = 'month' AND p.parameter_value = ?"),
                "one instance, two executions: the killed one and the one that resumed it");
        long reread = count("SELECT s.read_count FROM batch_step_execution s WHERE s.step_name = 'loadClaims'"
                + " AND s.job_execution_id = (SELECT MAX(e.job_execution_id) FROM batch_job_execution e"
                + " JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id"
                + " WHERE p.parameter_name = 'month' AND p.parameter_value = ?)");
        assertTrue(reread < CLAIM_LINES + GeneratedMonth.BAD_ROWS, "the resumed loadClaims starts after the last commit, read " + reread);
        assertEquals(staged, stagedRows(), "staged rows after kill and resume equal the uninterrupted run's");
        assertSameOutputs(pgOut, resumedOut);

        // 4. the lock is free again and the month is done: a rerun says so and exits 0
        assertTrue(lockIsFree());
        assertEquals(ExitCode.COMPLETED, runInProcess(input, resumedOut, "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD));
    }

    // runs

    private ExitCode runInProcess(Path input, Path output, String... extra) {
        return CodeCred.run(System.err, args(input, output, extra));
    }

    private static String[] args(Path input, Path output, String... extra) {
        List<String> args = new ArrayList<>(List.of("--month=" + MONTH, "--input=" + input, "--output=" + output,
                "--rules=src/test/resources/rules"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The command as an operator runs it, in a JVM of its own; credentials from SPRING_DATASOURCE_*. */
    private Process childRun(Path input, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.codecred.cli.Main"));
        command.addAll(List.of(args(input, output, "--spring.datasource.url=" + URL)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", USER);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", PASSWORD);
        return builder.start();
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }

    /** Everything the child prints, kept, so the test can wait for a line without sleeping. */
    static final class ChildLog {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuffer all = new StringBuffer();

        ChildLog(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        all.append(line).append('\n');
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
                lines.add("<end>");
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String fragment) throws InterruptedException {
            while (true) {
                String line = lines.poll(120, TimeUnit.SECONDS);
                if (line == null || line.equals("<end>")) {
                    fail("the child run never printed '" + fragment + "':\n" + all);
                }
                if (line.contains(fragment)) {
                    return;
                }
            }
        }

        String text() {
            return all.toString();
        }
    }

    // outputs

    private static void assertSameOutputs(Path expectedRoot, Path actualRoot) throws IOException {
        Path expected = expectedRoot.resolve(MONTH);
        Path actual = actualRoot.resolve(MONTH);
        for (String file : List.of("findings.csv", "rejected.csv")) {
            assertEquals(Files.readString(expected.resolve(file)), Files.readString(actual.resolve(file)), file);
        }
        assertEquals(withoutTimes(expected.resolve("run-summary.json")), withoutTimes(actual.resolve("run-summary.json")));
    }

    private static List<String> withoutTimes(Path summary) throws IOException {
        List<String> lines = Files.readAllLines(summary).stream()
                .filter(l -> !l.contains("\"started\"") && !l.contains("\"ended\"")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"status\": \"COMPLETED\"")), String.join("\n", lines));
        return lines;
    }

    // the database

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, MONTH);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static String lastStatus() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT e.status FROM batch_job_execution e"
                + " JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id"
                + " WHERE p.parameter_name = 'month' AND p.parameter_value = ? ORDER BY e.job_execution_id DESC")) {
            ps.setString(1, MONTH);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean lockIsFree() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, PostgresMonthLock.NAMESPACE);
            ps.setInt(2, PostgresMonthLock.key(YearMonth.parse(MONTH)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1); // the session ends right after: the lock goes with it
            }
        }
    }

    /** Every staged row of the month in every codecred table with a month column, as text, sorted. */
    private static List<String> stagedRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect()) {
            for (String table : monthTables(c)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM codecred." + table + " WHERE month = ?")) {
                    ps.setString(1, MONTH);
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder(table);
                            for (int i = 1; i <= columns; i++) {
                                row.append('|').append(rs.getString(i));
                            }
                            rows.add(row.toString());
                        }
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> monthTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = 'codecred' AND column_name = 'month' ORDER BY table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1)); // names from the catalog, never from input
            }
        }
        return tables;
    }

    /** Deletes the test month's runs (BATCH_* rows) and staged rows, so every run of the test starts clean. */
    private static void clearMonth() throws SQLException {
        try (Connection c = connect()) {
            for (String table : monthTables(c)) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM codecred." + table + " WHERE month = ?")) {
                    ps.setString(1, MONTH);
                    ps.executeUpdate();
                }
            }
            if (!batchTablesExist(c)) {
                return;
            }
            List<Long> instances = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT e.job_instance_id FROM batch_job_execution e"
                    + " JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id"
                    + " WHERE p.parameter_name = 'month' AND p.parameter_value = ?")) {
                ps.setString(1, MONTH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        instances.add(rs.getLong(1));
                    }
                }
            }
            String executions = "SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id = ?";
            for (long instance : instances) {
                for (String delete : List.of(
                        "DELETE FROM batch_step_execution_context WHERE step_execution_id IN (SELECT step_execution_id"
                                + " FROM batch_step_execution WHERE job_execution_id IN (" + executions + "))",
                        "DELETE FROM batch_step_execution WHERE job_execution_id IN (" + executions + ")",
                        "DELETE FROM batch_job_execution_context WHERE job_execution_id IN (" + executions + ")",
                        "DELETE FROM batch_job_execution_params WHERE job_execution_id IN (" + executions + ")",
                        "DELETE FROM batch_job_execution WHERE job_instance_id = ?",
                        "DELETE FROM batch_job_instance WHERE job_instance_id = ?")) {
                    try (PreparedStatement ps = c.prepareStatement(delete)) {
                        ps.setLong(1, instance);
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    private static boolean batchTablesExist(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('batch_job_execution') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
