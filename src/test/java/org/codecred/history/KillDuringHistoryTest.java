package org.codecred.history;

import org.codecred.cli.Main;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A power cut while recordHistory writes a month: the job's JVM is killed (as kill -9 would) as soon
 * as the step starts, first on a new month and then on a forced rerun of a completed one (whose old
 * rows are being replaced). Right after each kill the month has either no history or one whole
 * set, never part of one; the same command then completes it (passing the history key check at
 * start), and the history equals that of an uninterrupted run in another database (same member-hash
 * key, same recorded fingerprint).
 */
@Tag("slow")
class KillDuringHistoryTest {

    @Test
    void killedWhileWritingHistoryLeavesExactlyOneSetOfRows(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("history.key");
        TestMonth uninterrupted = new TestMonth(tmp.resolve("a"), "2026-10");
        TestMonth killed = new TestMonth(tmp.resolve("b"), "2026-10");
        for (TestMonth month : new TestMonth[] {uninterrupted, killed}) {
            SampleMonthGenerator.generateMonths(YearMonth.of(2026, 9), YearMonth.of(2026, 10), 20, 3_000, 5, month.input);
        }
        String keyFile = "--codecred.history.key-file=" + key;
        TestMonth september = new TestMonth(tmp.resolve("a"), "2026-09");
        assertThat(september.run(keyFile)).isEqualTo(ExitCode.COMPLETED);
        assertThat(uninterrupted.run(keyFile)).isEqualTo(ExitCode.COMPLETED);
        assertThat(new TestMonth(tmp.resolve("b"), "2026-09").run(keyFile)).isEqualTo(ExitCode.COMPLETED);

        // a new month killed in recordHistory
        killDuringRecordHistory(killed, keyFile);
        assertWholeOrNothing(killed);
        assertThat(killed.run(keyFile)).isEqualTo(ExitCode.COMPLETED);
        assertThat(history(killed)).isEqualTo(history(uninterrupted));

        // a forced rerun killed while it replaces the month's rows
        killDuringRecordHistory(killed, keyFile, "--force");
        assertWholeOrNothing(killed);
        assertThat(killed.run(keyFile, "--force")).isEqualTo(ExitCode.COMPLETED);
        assertThat(history(killed)).isEqualTo(history(uninterrupted));
    }

    private static void killDuringRecordHistory(TestMonth month, String... extra) throws Exception {
        try (JobProcess job = JobProcess.start(Main.class, month.args(extra))) {
            job.await("recordHistory to start", Duration.ofSeconds(600), () -> job.printed("step recordHistory: started"));
            job.kill();
            assertThat(job.printed("step recordHistory: COMPLETED")).as("killed before recordHistory finished").isFalse();
        }
    }

    /**
     * Right after a kill: the month's history is absent or whole (its completion row with all its
     * provider rows), and the key's fingerprint is there (written by September with its hashes, and by
     * the killed month only together with its own), so the same command passes the start check.
     */
    private static void assertWholeOrNothing(TestMonth month) throws Exception {
        assertThat(month.query("SELECT COUNT(*) FROM codecred.history_key")).containsExactly("1");
        String runs = month.query("SELECT COUNT(*) FROM codecred.history_run WHERE history_month = '2026-10'").get(0);
        String providers = month.query("SELECT COUNT(*) FROM codecred.history_provider WHERE history_month = '2026-10'").get(0);
        String verdicts = month.query("SELECT COUNT(*) FROM codecred.provider_verdict WHERE month = '2026-10'").get(0);
        if (runs.equals("0")) {
            assertThat(providers).isEqualTo("0");
        } else {
            assertThat(runs).isEqualTo("1");
            assertThat(providers).isEqualTo(verdicts);
        }
    }

    /** Every history row of every month except the recording time. */
    private static List<String> history(TestMonth month) throws Exception {
        List<String> rows = new ArrayList<>(month.historyRows());
        // the key's fingerprint is written with the hashes: one row, whatever was killed
        rows.addAll(month.query("SELECT fingerprint FROM codecred.history_key"));
        return rows;
    }
}
