package org.codecred.scaleout;

import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Map;
import java.util.Set;

/**
 * Spring Batch's splitter, safe against a kill between its two writes. It stores each new partition's
 * step execution and then, in a second write, the partition's context (our NPI range or file); a
 * kill -9 between the two leaves a partition with an empty context, which every restart copies on:
 * the worker then runs without its range and fails, run after run (found by KillInEveryStepTest).
 * Our partitioners depend only on the staged month, so a partition that comes back without its keys
 * gets them from the partitioner again, under the grid size the first split recorded.
 */
final class RestartSafeSplitter extends SimpleStepExecutionSplitter {

    private static final String GRID_SIZE = SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE";

    private final JobRepository repository;
    private final Partitioner partitioner;

    RestartSafeSplitter(JobRepository repository, String workerName, Partitioner partitioner, boolean allowStartIfComplete) {
        super(repository, workerName, partitioner);
        setAllowStartIfComplete(allowStartIfComplete);
        this.repository = repository;
        this.partitioner = partitioner;
    }

    @Override
    public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
        Set<StepExecution> partitions = super.split(manager, gridSize);
        Map<String, ExecutionContext> fresh = null;
        for (StepExecution partition : partitions) {
            if (!partition.getExecutionContext().isEmpty()) {
                continue; // its context was written: the split or its own commits
            }
            if (fresh == null) {
                fresh = partitioner.partition((int) manager.getExecutionContext().getLong(GRID_SIZE, gridSize));
            }
            String name = partition.getStepName().substring(partition.getStepName().indexOf(':') + 1);
            ExecutionContext keys = fresh.get(name);
            if (keys != null && !keys.isEmpty()) {
                keys.entrySet().forEach(key -> partition.getExecutionContext().put(key.getKey(), key.getValue()));
                repository.updateExecutionContext(partition);
            }
        }
        return partitions;
    }
}
