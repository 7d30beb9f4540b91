package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.codecred.testing.HoldDatabase;
import org.codecred.testing.JobProcess;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a run paused for longer than HSQLDB's lock heartbeat (SIGSTOP here; a long GC pause or a
 * suspended VM in production) lost its month to a concurrent --force. The run lock is an operating
 * system lock, which a paused process keeps: the second run must exit 3 however long the pause.
 */
@Tag("slow")
class StoppedRunTest {

    @TempDir
    Path tmp;

    @Test
    void aStoppedRunKeepsItsMonth() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);

        try (JobProcess other = JobProcess.start(HoldDatabase.class, month.db.toString())) {
            other.await("the other run to hold the database", Duration.ofSeconds(60), () -> other.printed("holding"));
            signal("STOP", other.process().pid());
            try {
                // wait until HSQLDB's heartbeat is stale: from here on its own lock no longer keeps anyone out
                Path heartbeat = Path.of(month.db + ".lck");
                other.await("HSQLDB's lock heartbeat to go stale", Duration.ofSeconds(90),
                        () -> ageMillis(heartbeat) > 12_000);
                assertThat(month.run("--force")).as(month.lastMessage).isEqualTo(ExitCode.RUNNING);
                assertThat(month.lastMessage).contains("already running").contains("2026-10").hasLineCount(1);
            } finally {
                signal("CONT", other.process().pid());
            }
            other.process().getOutputStream().close(); // lets it shut the database down cleanly
            assertThat(other.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(month.query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("the forced run never started").containsExactly("1");
    }

    private static long ageMillis(Path file) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
