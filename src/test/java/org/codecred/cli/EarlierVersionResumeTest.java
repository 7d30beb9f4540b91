package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month begun by a version that staged its claim lines in the database (here: the same run with
 * {@code --codecred.staging-engine=database}, then marked failed in its last step, as a kill leaves it)
 * is not resumed on the staging engine, which holds none of its lines: exit 2, one line saying why,
 * and --force recomputes it.
 */
class EarlierVersionResumeTest {

    @TempDir
    Path tmp;

    @Test
    void aMonthWhoseLinesAreInTheDatabaseIsRecomputedNotResumedOnTheEngine() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        assertThat(month.run("--codecred.staging-engine=database")).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        month.execute("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED' WHERE STEP_NAME = 'recordHistory'");
        month.execute("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED', EXIT_CODE = 'FAILED'");

        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("month 2026-10 cannot be resumed").contains("claim lines")
                .contains("Give --force").doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(month.run("--force")).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line WHERE month = '2026-10'")).containsExactly("1");
    }
}
