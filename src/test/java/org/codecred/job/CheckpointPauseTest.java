package org.codecred.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** HSQLDB's automatic checkpoint is off exactly while a partitioned step runs, then back at its limit. */
class CheckpointPauseTest {

    @Test
    void pausesTheLogLimitForTheStepAndRestoresIt(@TempDir Path tmp) {
        SingleConnectionDataSource db = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + tmp.resolve("db") + ";shutdown=true", "SA", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            jdbc.execute("SET FILES LOG SIZE 7");
            CheckpointPause pause = new CheckpointPause(db);
            StepExecution step = step();

            pause.beforeStep(step);
            assertThat(logSize(jdbc)).isEqualTo("0");
            pause.afterStep(step);
            assertThat(logSize(jdbc)).isEqualTo("7");

            // a run killed during the pause leaves 0 behind: the next pause ends at HSQLDB's default
            jdbc.execute("SET FILES LOG SIZE 0");
            CheckpointPause afterKill = new CheckpointPause(db);
            afterKill.beforeStep(step);
            afterKill.afterStep(step);
            assertThat(logSize(jdbc)).isEqualTo("50");
        } finally {
            db.destroy();
        }
    }

    @Test
    void anAccountWithoutTheRightRunsTheStepUnpaused(@TempDir Path tmp) {
        String url = "jdbc:hsqldb:file:" + tmp.resolve("db") + ";shutdown=true";
        SingleConnectionDataSource admin = new SingleConnectionDataSource(url, "SA", "", true);
        try {
            new JdbcTemplate(admin).execute("CREATE USER clerk PASSWORD 'clerk'");
            SingleConnectionDataSource clerk = new SingleConnectionDataSource(url, "CLERK", "clerk", true);
            try {
                CheckpointPause pause = new CheckpointPause(clerk);
                pause.beforeStep(step()); // SET FILES needs the DBA role: refused, logged, not thrown
                assertThat(logSize(new JdbcTemplate(admin))).isEqualTo("50");
                pause.afterStep(step());
            } finally {
                clerk.destroy();
            }
            assertThat(logSize(new JdbcTemplate(admin))).isEqualTo("50");
        } finally {
            admin.destroy();
        }
    }

    @Test
    void leavesAMemoryDatabaseAlone() {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:hsqldb:mem:pause", "SA", "", true);
        try {
            CheckpointPause pause = new CheckpointPause(db);
            pause.beforeStep(step());
            pause.afterStep(step());
            assertThat(logSize(new JdbcTemplate(db))).isNotEqualTo("0");
        } finally {
            db.destroy();
        }
    }

    private static String logSize(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT property_value FROM information_schema.system_properties"
                + " WHERE property_name = 'hsqldb.log_size'", String.class);
    }

    private static StepExecution step() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "month"), new JobParameters());
        return new StepExecution(1L, "alignSpecialties", job);
    }
}
