package org.codecred.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Recovering a month whose manager died while workers still run some of its partitions: marking
 * those partitions failed and handing them out again would run them twice at once. So the manager
 * first takes the lease of every partition still marked running — waiting for live workers to
 * finish theirs — and recovers the execution while it holds them; a request for one of them that a
 * worker takes later finds it no longer waiting and drops it ({@link PartitionLeaseGuard}).
 */
public final class PartitionRecovery {

    private static final Logger log = LoggerFactory.getLogger(PartitionRecovery.class);

    private final PartitionLeases leases;

    public PartitionRecovery(PartitionLeases leases) {
        this.leases = leases;
    }

    /** Runs {@code recover} on {@code execution} while holding the leases of its running partitions. */
    public JobExecution recover(JobExecution execution, UnaryOperator<JobExecution> recover) {
        List<Long> running = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isRunning() && s.getStepName().contains(":"))
                .map(StepExecution::getId).toList();
        List<Long> held = new ArrayList<>();
        try {
            for (long id : running) {
                if (!leases.tryHold(id)) {
                    log.info("waiting for a worker to finish partition {} of the interrupted run", id);
                    leases.hold(id);
                }
                held.add(id);
            }
            return recover.apply(execution);
        } finally {
            held.forEach(leases::release);
        }
    }
}
