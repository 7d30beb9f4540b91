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
 * A month of several claim files loads one partition per file. One file fails (a database trigger
 * refuses a row, as a crash there would); the other completes. The same command then re-runs only the
 * failed file's partition, from its last commit, and every line of both files is staged exactly once.
 */
class ClaimFilePartitionsTest {

    /** Commits of 2,000 lines (the default is 10,000), so these small files commit a few times before the failure. */
    private static final int PER_COMMIT = 2000;
    private static final String SMALL_COMMITS = "--codecred.claim-lines-per-commit=" + PER_COMMIT;

    @Test
    void onlyTheFailedFileIsLoadedAgain(@TempDir Path tmp) throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims-a.csv", lines("A", 3000, -1));
        month.claims("claims-b.csv", lines("B", 5000, 4500));
        month.plantRejectFailure("claims-b.csv", 4501);

        assertThat(month.run(SMALL_COMMITS)).isEqualTo(ExitCode.FAILED);
        assertThat(month.lastMessage).contains("failed in step loadClaims (partition file002)").contains("planted failure");
        assertThat(month.query("SELECT step_name, status, write_count FROM batch_step_execution"
                + " WHERE step_name LIKE 'loadClaimsWorker:%' ORDER BY step_name"))
                .containsExactly("loadClaimsWorker:file001|COMPLETED|3000",
                        "loadClaimsWorker:file002|FAILED|" + (4500 - 1) / PER_COMMIT * PER_COMMIT);

        month.removeRejectFailure();
        assertThat(month.run(SMALL_COMMITS)).isEqualTo(ExitCode.COMPLETED);

        assertThat(month.query("SELECT source_file, COUNT(*), COUNT(DISTINCT line_number) FROM codecred.claim_line"
                + " GROUP BY source_file ORDER BY source_file"))
                .containsExactly("claims-a.csv|3000|3000", "claims-b.csv|4999|4999");
        assertThat(month.query("SELECT step_name, COUNT(*) FROM batch_step_execution WHERE step_name LIKE 'loadClaimsWorker:%'"
                + " GROUP BY step_name ORDER BY step_name"))
                .containsExactly("loadClaimsWorker:file001|1", "loadClaimsWorker:file002|2");
    }

    private static String[] lines(String prefix, int count, int failing) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            // the failing row is one the load rejects (line number 0), whose reject the database refuses
            rows.add(TestMonth.line(prefix + i, i == failing ? 0 : 1, "MBR" + (100000 + i), "2026-10-05", "90834", "45", "F41.1"));
        }
        return rows.toArray(String[]::new);
    }
}
