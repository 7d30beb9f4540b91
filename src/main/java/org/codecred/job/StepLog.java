package org.codecred.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDateTime;

/** Logs each step's start and its committed counts and time at the end (never any member data). */
@Component
public class StepLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepLog.class);

    @Override
    public void beforeStep(StepExecution step) {
        log.info("step {}: started", step.getStepName());
        if (GracefulStop.requested()) {
            step.setTerminateOnly(); // a stop asked for while the run was starting: stop before the first chunk
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0;
        log.info("step {}: {} in {} s (read {}, written {}, commits {})", step.getStepName(), step.getStatus(),
                String.format("%.1f", seconds), step.getReadCount(), step.getWriteCount(), step.getCommitCount());
        return step.getExitStatus();
    }
}
