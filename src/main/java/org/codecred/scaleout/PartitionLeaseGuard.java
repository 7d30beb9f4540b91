package org.codecred.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * On a worker, around each partition request: takes the partition's lease before the step runs and
 * lets it go when the step has ended (the request channel is direct, so the step runs inside the
 * send). A request whose partition is no longer waiting — a manager that was restarted marked it
 * failed and handed it out again — is dropped, so a partition never runs twice at once.
 */
final class PartitionLeaseGuard implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PartitionLeaseGuard.class);

    private final JobRepository repository;
    private final PartitionLeases leases;

    PartitionLeaseGuard(JobRepository repository, PartitionLeases leases) {
        this.repository = repository;
        this.leases = leases;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            return message;
        }
        long id = request.getStepExecutionId();
        leases.hold(id);
        StepExecution partition = repository.getStepExecution(id);
        if (partition == null || partition.getStatus() != BatchStatus.STARTING) {
            log.info("partition {} is no longer waiting ({}); request dropped",
                    partition == null ? String.valueOf(id) : partition.getStepName(),
                    partition == null ? "unknown" : partition.getStatus());
            leases.release(id);
            return null;
        }
        log.info("partition {}: started on this worker", partition.getStepName());
        return message;
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        if (message.getPayload() instanceof StepExecutionRequest request) {
            leases.release(request.getStepExecutionId());
        }
    }
}
