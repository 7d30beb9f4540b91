package org.codecred.job;

import org.codecred.database.AutomaticCheckpoint;
import org.codecred.database.Dialect;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Pauses the database's automatic checkpoint while a step's partitions run side by side, and resumes
 * it after the step: on HSQLDB a checkpoint started mid-step hung the month (the dialect says why,
 * {@link Dialect#automaticCheckpoint}). On databases without one this listener does nothing.
 */
public final class CheckpointPause implements StepExecutionListener {

    private final AutomaticCheckpoint checkpoint;
    private volatile boolean paused;

    public CheckpointPause(DataSource dataSource) {
        this.checkpoint = Dialect.of(dataSource).automaticCheckpoint(new JdbcTemplate(dataSource));
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        paused = checkpoint.pause(stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (paused) {
            checkpoint.resume();
        }
        return null;
    }
}
