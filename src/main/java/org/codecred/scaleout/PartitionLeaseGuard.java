package org.codecred.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;

/**
 * On a worker, around each partition request: takes the partition's lease before the step runs and
 * lets it go when the step has ended (the request channel is direct, so the step runs inside the
 * send). A request whose partition is no longer waiting — a manager that was restarted marked it
 * failed and handed it out again — is dropped, so a partition never runs twice at once. A request
 * from a manager whose rule tables differ from this worker's ({@link RuleTablesDigest}) fails its
 * partition, saying so, instead of running it with other rules.
 *
 * <p>A dropped request is not refused (a refusal would make the broker deliver it again, ten
 * times, and then park it in its dead-letter queue): it is marked {@link #DROPPED}, acknowledged and
 * discarded after the channel.
 */
final class PartitionLeaseGuard implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PartitionLeaseGuard.class);

    /** Header of a request this worker does not run; the flow discards such requests. */
    static final String DROPPED = "codecredDropped";
    /** Key of a partition's execution context naming the worker that took it (pid@host). */
    static final String WORKER = "codecred.worker";

    private final JobRepository repository;
    private final PartitionLeases leases;
    private final String ruleTablesDigest;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    PartitionLeaseGuard(JobRepository repository, PartitionLeases leases, String ruleTablesDigest) {
        this.repository = repository;
        this.leases = leases;
        this.ruleTablesDigest = ruleTablesDigest;
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
            log.info("partition {} is no longer waiting ({}); request acknowledged and dropped",
                    partition == null ? String.valueOf(id) : partition.getStepName(),
                    partition == null ? "unknown" : partition.getStatus());
            return dropped(message);
        }
        Object managers = message.getHeaders().get(RuleTablesDigest.HEADER);
        if (!ruleTablesDigest.equals(managers)) {
            String reason = "worker " + worker + " has other rule tables (digest " + ruleTablesDigest + ") than the manager ("
                    + (managers == null ? "no digest sent: a manager of an older CodeCred" : "digest " + managers)
                    + "): start every worker with the manager's --rules folder";
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
            partition.setEndTime(LocalDateTime.now());
            repository.update(partition);
            log.warn("partition {}: not run: {}", partition.getStepName(), reason);
            return dropped(message);
        }
        partition.getExecutionContext().putString(WORKER, worker);
        repository.updateExecutionContext(partition);
        log.info("partition {}: started on this worker", partition.getStepName());
        return message;
    }

    private static Message<?> dropped(Message<?> message) {
        return MessageBuilder.fromMessage(message).setHeader(DROPPED, true).build();
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        if (message.getPayload() instanceof StepExecutionRequest request) {
            leases.release(request.getStepExecutionId());
        }
    }
}
