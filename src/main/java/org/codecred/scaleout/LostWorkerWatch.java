package org.codecred.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * On the manager, while a remotely partitioned step waits for its partitions: every poll interval,
 * a partition that is marked running but whose lease nobody holds lost its worker (killed, machine
 * gone). It is marked FAILED, so the manager's wait ends once the other partitions finish, the step
 * fails, and the same command run again restarts just the failed partitions from their last commit.
 */
final class LostWorkerWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LostWorkerWatch.class);

    private final JobRepository repository;
    private final PartitionLeases leases;
    private final String workerStepName;
    private final Duration interval;
    private ScheduledExecutorService timer;

    LostWorkerWatch(JobRepository repository, PartitionLeases leases, String workerStepName, Duration interval) {
        this.repository = repository;
        this.leases = leases;
        this.workerStepName = workerStepName;
        this.interval = interval;
    }

    @Override
    public void beforeStep(StepExecution managerStep) {
        long jobExecutionId = managerStep.getJobExecutionId();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lost-worker-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                failLostPartitions(jobExecutionId);
            } catch (RuntimeException e) {
                log.warn("step {}: could not check the partitions' workers ({}); will try again", workerStepName, e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution managerStep) {
        timer.shutdownNow();
        return null;
    }

    /** Marks FAILED each running partition of the step whose worker is gone; returns how many. */
    int failLostPartitions(long jobExecutionId) {
        JobExecution job = repository.getJobExecution(jobExecutionId);
        int failed = 0;
        for (StepExecution partition : job.getStepExecutions()) {
            if (!partition.getStepName().startsWith(workerStepName + ":") || partition.getStatus() != BatchStatus.STARTED) {
                continue;
            }
            long id = partition.getId();
            if (!leases.tryHold(id)) {
                continue; // a live worker holds it
            }
            try {
                // read again under the lease: a worker that finished meanwhile wrote its status first
                StepExecution current = repository.getStepExecution(id);
                if (current != null && current.getStatus() == BatchStatus.STARTED) {
                    current.setStatus(BatchStatus.FAILED);
                    String worker = current.getExecutionContext().getString(PartitionLeaseGuard.WORKER, "(unknown)");
                    current.setExitStatus(ExitStatus.FAILED.addExitDescription("worker " + worker + " was lost while running"
                            + " partition " + current.getStepName() + " (stopped, killed or its machine gone)"));
                    current.setEndTime(LocalDateTime.now());
                    repository.update(current);
                    log.warn("partition {}: its worker stopped before finishing it (worker {}); marked failed (the next run"
                            + " of the same command resumes it from its last commit)", current.getStepName(), worker);
                    failed++;
                }
            } finally {
                leases.release(id);
            }
        }
        return failed;
    }
}
