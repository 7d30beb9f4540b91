package org.codecred.scaleout;

import org.codecred.job.StepLog;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.MessageChannel;

import java.time.Duration;

/**
 * Builds the manager side of the per-provider steps (validateCoding, alignSpecialties, writeDossiers)
 * for where this process runs:
 * <ul>
 *   <li>no broker configured: local partitioning, the partitions run on a thread pool sized to the
 *       cores of this machine (one JVM, as always);</li>
 *   <li>a broker configured: remote partitioning ({@link RemotePartitioningManagerStepBuilderFactory}),
 *       each partition sent as a request over JMS to whichever worker is free, the manager polling the
 *       job repository until every partition has ended, and a {@link LostWorkerWatch} failing the
 *       partitions of a worker that died.</li>
 * </ul>
 * The partitions are the same either way, so are the outputs.
 */
public final class Partitioning {

    /** Where a partition's step writes: the month's output folder, a path every worker sees. */
    public static final String OUTPUT_DIR = "outputDir";

    private final JobRepository repository;
    private final StepLog stepLog;
    private final int threads;
    private final int partitions;
    private final Remote remote;
    private final StepExecutionListener checkpointPause;

    /** The remote side: how requests leave the manager, and how lost workers are seen. */
    record Remote(RemotePartitioningManagerStepBuilderFactory steps, MessageChannel requests,
                  PartitionLeases leases, Duration pollInterval) {
    }

    Partitioning(JobRepository repository, StepLog stepLog, int threads, int partitions, Remote remote,
                 StepExecutionListener checkpointPause) {
        this.checkpointPause = checkpointPause;
        this.repository = repository;
        this.stepLog = stepLog;
        this.threads = threads;
        this.partitions = partitions;
        this.remote = remote;
    }

    public int threads() {
        return threads;
    }

    /** How many partitions a per-provider step is cut into. */
    public int partitions() {
        return partitions;
    }

    /** The step that runs one partition: an ordinary step, whichever JVM runs it. */
    public StepBuilder workerStep(String name) {
        return new StepBuilder(name, repository);
    }

    /** The step {@code name} that cuts the work with {@code partitioner} and runs {@code worker} on each part. */
    public Step partitioned(String name, Step worker, Partitioner partitioner) {
        if (remote != null) {
            return remote.steps().get(name)
                    .partitioner(worker.getName(), partitioner)
                    .splitter(splitter(worker, partitioner))
                    .gridSize(partitions)
                    .outputChannel(remote.requests())
                    .pollInterval(remote.pollInterval().toMillis())
                    .listener(new LostWorkerWatch(repository, remote.leases(), worker.getName(), remote.pollInterval()))
                    .listener(stepLog)
                    .listener(checkpointPause)
                    .build();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
        executor.setConcurrencyLimit(threads);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setTaskExecutor(executor);
        handler.setStep(worker);
        handler.setGridSize(partitions);
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .splitter(splitter(worker, partitioner))
                .partitionHandler(handler)
                .listener(stepLog)
                .listener(checkpointPause) // partitions side by side: see CheckpointPause
                .build();
    }

    private RestartSafeSplitter splitter(Step worker, Partitioner partitioner) {
        return new RestartSafeSplitter(repository, worker.getName(), partitioner, worker.isAllowStartIfComplete());
    }
}
