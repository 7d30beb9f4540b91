package org.codecred.ingest;

import org.codecred.cli.Main;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut during loadClaims: the job's JVM is killed (as kill -9 would), then the same command
 * resumes it with no manual step, and staging, rejects and run summary equal an uninterrupted run's.
 */
@Tag("slow")
class KillAndResumeTest {

    @Test
    void killedDuringLoadClaimsResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        TestMonth uninterrupted = new TestMonth(tmp.resolve("a"), "2026-10");
        TestMonth killed = new TestMonth(tmp.resolve("b"), "2026-10");
        for (TestMonth month : new TestMonth[]{uninterrupted, killed}) {
            SampleMonthGenerator.generate(YearMonth.of(2026, 10), 200, 150_000, 7, month.input);
        }
        assertThat(uninterrupted.run()).isEqualTo(ExitCode.COMPLETED);

        try (JobProcess job = JobProcess.start(Main.class, killed.args())) {
            job.await("loadClaims to start", Duration.ofSeconds(120), () -> job.printed("step loadClaims: started"));
            long atStart = killed.loggedBytes(); // the database's and the staging engine's logs, the spools
            job.await("a few chunks to commit", Duration.ofSeconds(120),
                    () -> killed.loggedBytes() > atStart + 5_000_000 || job.printed("step loadClaims: COMPLETED"));
            job.kill();
            assertThat(job.printed("step loadClaims: COMPLETED")).as("killed before loadClaims finished").isFalse();
        }
        assertThat(killed.run()).isEqualTo(ExitCode.COMPLETED);

        assertThat(digest(killed, "SELECT * FROM codecred.claim_line ORDER BY source_file, line_number"))
                .isEqualTo(digest(uninterrupted, "SELECT * FROM codecred.claim_line ORDER BY source_file, line_number"));
        assertThat(killed.query("SELECT COUNT(*) FROM codecred.claim_line"))
                .isEqualTo(uninterrupted.query("SELECT COUNT(*) FROM codecred.claim_line"));
        assertThat(killed.read("rejected.csv")).isEqualTo(uninterrupted.read("rejected.csv"));
        assertThat(withoutTimes(killed.read("run-summary.json"))).isEqualTo(withoutTimes(uninterrupted.read("run-summary.json")));
        assertThat(killed.read("findings.csv")).isEqualTo(uninterrupted.read("findings.csv"));
    }

    /**
     * Issue 24: a month whose clearinghouse file arrives twice (the resend sorts after it), killed
     * while the two files load side by side. Which line counts and which is the repeat comes from the
     * committed staging rows in arrival order, never from what the killed run had seen, so the
     * resumed month equals the uninterrupted one, repeats and DUPLICATE-SUBMISSION included.
     */
    @Test
    void killedWhileAResentFileLoadsResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        TestMonth uninterrupted = new TestMonth(tmp.resolve("a"), "2026-10");
        TestMonth killed = new TestMonth(tmp.resolve("b"), "2026-10");
        for (TestMonth month : new TestMonth[]{uninterrupted, killed}) {
            SampleMonthGenerator.generate(YearMonth.of(2026, 10), 120, 60_000, 11, month.input);
            Files.copy(month.monthDir().resolve("claims-clearinghouse.csv"), month.monthDir().resolve("claims-resend.csv"));
        }
        assertThat(uninterrupted.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(uninterrupted.read("rejected.csv")).contains("claims-resend.csv,2,\"duplicate of claims-clearinghouse.csv line 2:");

        try (JobProcess job = JobProcess.start(Main.class, killed.args())) {
            job.await("loadClaims to start", Duration.ofSeconds(120), () -> job.printed("step loadClaims: started"));
            long atStart = killed.loggedBytes(); // the database's and the staging engine's logs, the spools
            job.await("a few chunks to commit", Duration.ofSeconds(120),
                    () -> killed.loggedBytes() > atStart + 3_000_000 || job.printed("step loadClaims: COMPLETED"));
            job.kill();
            assertThat(job.printed("step resolveClaims: COMPLETED")).as("killed before the repeats were resolved").isFalse();
        }
        assertThat(killed.run()).isEqualTo(ExitCode.COMPLETED);

        String lines = "SELECT * FROM codecred.claim_line ORDER BY source_file, line_number";
        assertThat(digest(killed, lines)).isEqualTo(digest(uninterrupted, lines));
        assertThat(killed.read("rejected.csv")).isEqualTo(uninterrupted.read("rejected.csv"));
        assertThat(withoutTimes(killed.read("run-summary.json"))).isEqualTo(withoutTimes(uninterrupted.read("run-summary.json")));
        assertThat(killed.read("findings.csv")).isEqualTo(uninterrupted.read("findings.csv")).contains("DUPLICATE-SUBMISSION");
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String withoutTimes(String json) {
        return json.replaceAll("\"(started|ended)\": \"[^\"]*\"", "");
    }

    /** A digest of every row of a query, so large tables compare without holding them. */
    private static String digest(TestMonth month, String sql) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = month.connectFor(sql); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    sha.update(String.valueOf(rs.getString(i)).getBytes());
                    sha.update((byte) '|');
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
