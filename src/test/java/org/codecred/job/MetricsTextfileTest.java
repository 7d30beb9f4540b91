package org.codecred.job;

import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --codecred.metrics.textfile: Spring Batch's step and job timers in Prometheus' text format after the run; off by default. */
class MetricsTextfileTest {

    @TempDir
    Path tmp;

    @Test
    void theRunsTimersAreWrittenOnlyWhenAsked() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", "2026-10-05", "90834", "45", "F41.1"));
        Path metrics = tmp.resolve("metrics").resolve("codecred.prom");

        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(metrics.getParent()).doesNotExist();

        assertThat(month.run("--force", "--codecred.metrics.textfile=" + metrics)).isEqualTo(ExitCode.COMPLETED);
        String text = Files.readString(metrics);
        assertThat(text).contains("# TYPE spring_batch_job_seconds")
                .containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"loadClaims\"")
                .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_status=\"COMPLETED\"");
    }
}
