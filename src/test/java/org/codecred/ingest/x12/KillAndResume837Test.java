package org.codecred.ingest.x12;

import org.codecred.cli.Main;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * A power cut in the middle of an 837 file: a month whose claims are only 837P files is killed
 * during loadX12Claims (as kill -9 would), the same command resumes it, and staging, rejects,
 * findings and the run summary equal an uninterrupted run's.
 */
@Tag("slow")
class KillAndResume837Test {

    @Test
    void killedMidFileResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        TestMonth uninterrupted = new TestMonth(tmp.resolve("a"), "2026-10");
        TestMonth killed = new TestMonth(tmp.resolve("b"), "2026-10");
        for (TestMonth month : new TestMonth[]{uninterrupted, killed}) {
            SampleMonthGenerator.generate(YearMonth.of(2026, 10), 150, 60_000, 7, month.input,
                    SampleMonthGenerator.Format.X837);
        }
        try (var files = Files.list(killed.monthDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("claims")))
                    .containsExactlyInAnyOrder("claims-clearinghouse.837", "claims-ehr-export.837");
        }
        assertThat(uninterrupted.run()).as(uninterrupted.lastMessage).isEqualTo(ExitCode.COMPLETED);

        try (JobProcess job = JobProcess.start(Main.class, killed.args())) {
            job.await("loadX12Claims to start", Duration.ofSeconds(180), () -> job.printed("step loadX12Claims: started"));
            long atStart = killed.loggedBytes(); // the database's and the staging engine's logs, the spools
            job.await("a few chunks to commit", Duration.ofSeconds(300),
                    () -> killed.loggedBytes() > atStart + 3_000_000 || job.printed("step loadX12Claims: COMPLETED"));
            job.kill();
            assertThat(job.printed("step loadX12Claims: COMPLETED")).as("killed before loadX12Claims finished").isFalse();
        }
        assertThat(killed.run()).isEqualTo(ExitCode.COMPLETED);

        String lines = "SELECT * FROM codecred.claim_line ORDER BY source_file, line_number";
        assertThat(digest(killed, lines)).isEqualTo(digest(uninterrupted, lines));
        assertThat(killed.read("rejected.csv")).isEqualTo(uninterrupted.read("rejected.csv"));
        assertThat(killed.read("findings.csv")).isEqualTo(uninterrupted.read("findings.csv"));
        assertThat(withoutTimes(killed.read("run-summary.json"))).isEqualTo(withoutTimes(uninterrupted.read("run-summary.json")));
        assertThat(uninterrupted.read("rejected.csv")).contains("claims-clearinghouse.837,")
                .contains("transaction set").doesNotContainPattern("MBR\\d{9}");
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
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
