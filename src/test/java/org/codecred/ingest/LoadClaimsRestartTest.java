package org.codecred.ingest;

import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the manner of Spring Batch's RestartFunctionalTests: loadClaims fails on purpose at one record
 * (the database refuses its reject, so production code has no test hook); exactly the chunks before
 * it are committed; the same command resumes and every row ends up staged exactly once.
 */
class LoadClaimsRestartTest {

    /** Commits of 2,000 lines (the default is 10,000), so these small files commit a few times before the failure. */
    private static final int PER_COMMIT = 2000;
    private static final String SMALL_COMMITS = "--codecred.claim-lines-per-commit=" + PER_COMMIT;

    private static final int LINES = 5000;
    private static final int FAILING_ROW = 4500;

    @Test
    void aFailedRunResumesAfterTheLastCommittedChunk(@TempDir Path tmp) throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            rows.add(TestMonth.line("C" + i, 1, "MBR" + (100000 + i), "2026-10-05", "90834", "45", "F41.1"));
        }
        rows.set(99, "C100,1,1234567893,,MBR100100,1980-04-02,2026-02-30,90834,,1,45,F41.1,11,140.00");
        rows.set(FAILING_ROW - 1, "C4500,bad,1234567893,,MBR104500,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00");
        rows.set(4899, "C4900,oops,1234567893,,MBR104900,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00");
        month.claims("claims-a.csv", rows.toArray(String[]::new));
        month.plantRejectFailure("claims-a.csv", FAILING_ROW + 1);

        assertThat(month.run(SMALL_COMMITS)).isEqualTo(ExitCode.FAILED);
        assertThat(month.lastMessage).contains("failed in step loadClaims").contains("planted failure")
                .contains("Run the same command again");
        assertThat(count(month, "rejected_row")).isEqualTo(1);
        assertThat(count(month, "claim_line")).as("staged once the load completes").isZero();

        month.removeRejectFailure();
        assertThat(month.run(SMALL_COMMITS)).isEqualTo(ExitCode.COMPLETED);

        assertThat(count(month, "claim_line")).isEqualTo(LINES - 3);
        assertThat(month.query("SELECT COUNT(DISTINCT line_number) FROM codecred.claim_line")).containsExactly(String.valueOf(LINES - 3));
        assertThat(month.query("SELECT MIN(line_number), MAX(line_number) FROM codecred.claim_line")).containsExactly("2|" + (LINES + 1));
        assertThat(month.query("SELECT line_number FROM codecred.rejected_row ORDER BY line_number")).containsExactly("101", "4501", "4901");
        assertThat(month.read("rejected.csv").lines()).hasSize(4);
        // the step reads slices of rows (ItemSlices) and still counts rows: all read by the failed run
        // (the failed chunk's too), written up to its last commit; the resumed run the rest
        assertThat(month.query("SELECT read_count, write_count, commit_count FROM batch_step_execution"
                + " WHERE step_name LIKE 'loadClaimsWorker:%' ORDER BY step_execution_id"))
                .containsExactly("5000|4000|2", "1000|1000|1");
        assertThat(month.read("run-summary.json"))
                .contains("\"status\": \"COMPLETED\"")
                .contains("\"lines_read\": " + LINES)
                .contains("\"lines_accepted\": " + (LINES - 3))
                .contains("\"lines_rejected\": 3");
    }

    /**
     * A chunk's lines reach the spool before the step's own transaction commits: here that transaction
     * fails after them (the database refuses the chunk's reject), so the spool holds one chunk past the
     * last commit. The rerun cuts the spool back to the commit and stages every line once.
     */
    @Test
    void linesSpooledPastTheLastCommitAreCutOffOnRestart(@TempDir Path tmp) throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            rows.add(TestMonth.line("C" + i, 1, "MBR" + (100000 + i), "2026-10-05", "90834", "45", "F41.1"));
        }
        rows.set(4899, "C4900,oops,1234567893,,MBR104900,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00");
        month.claims("claims-a.csv", rows.toArray(String[]::new));
        month.plantRejectFailure("claims-a.csv", 4901);

        assertThat(month.run(SMALL_COMMITS)).isEqualTo(ExitCode.FAILED);
        int committed = 2 * PER_COMMIT;
        assertThat(count(month, "rejected_row")).isZero();
        assertThat(month.spooledLines("loadClaimsWorker-file001")).as("the failed chunk's lines too: one past the commit")
                .isEqualTo(LINES - 1);

        month.removeRejectFailure();
        assertThat(month.run(SMALL_COMMITS)).isEqualTo(ExitCode.COMPLETED);

        assertThat(count(month, "claim_line")).isEqualTo(LINES - 1);
        assertThat(month.query("SELECT COUNT(DISTINCT line_number) FROM codecred.claim_line")).containsExactly(String.valueOf(LINES - 1));
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line WHERE line_number > " + (committed + 1)))
                .containsExactly(String.valueOf(LINES - committed - 1));
        assertThat(month.query("SELECT line_number FROM codecred.rejected_row")).containsExactly("4901");
        assertThat(month.read("run-summary.json")).contains("\"lines_accepted\": " + (LINES - 1));
    }

    /** Without the option a commit holds 10,000 lines: a failure in the 15,000th leaves the first 10,000 committed (commits of
     * 2,000 would have kept 14,000). */
    @Test
    void byDefaultACommitHoldsTenThousandLines(@TempDir Path tmp) throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        int lines = 16_000;
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            rows.add(TestMonth.line("C" + i, i == 15_000 ? 0 : 1, "MBR" + (100000 + i), "2026-10-05", "90834", "45", "F41.1"));
        }
        month.claims("claims-a.csv", rows.toArray(String[]::new));
        month.plantRejectFailure("claims-a.csv", 15_001);

        assertThat(month.run()).isEqualTo(ExitCode.FAILED);
        assertThat(month.spooledLines("loadClaimsWorker-file001")).isEqualTo(lines - 1); // the chunk that failed included

        month.removeRejectFailure();
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(count(month, "claim_line")).isEqualTo(lines - 1);
        assertThat(month.query("SELECT write_count, commit_count FROM batch_step_execution"
                + " WHERE step_name LIKE 'loadClaimsWorker:%' ORDER BY step_execution_id"))
                .containsExactly("10000|1", "6000|1");
    }

    private static int count(TestMonth month, String table) throws Exception {
        return Integer.parseInt(month.query("SELECT COUNT(*) FROM codecred." + table).get(0));
    }
}
