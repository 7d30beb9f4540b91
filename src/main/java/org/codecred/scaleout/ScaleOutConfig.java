package org.codecred.scaleout;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.codecred.database.Dialect;
import org.codecred.job.CheckpointPause;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.messaging.Message;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * Where the per-provider steps run. Without a broker ({@code spring.artemis.broker-url} unset) their
 * partitions run on this machine's cores. With a broker, the process started with {@code --month} is
 * the manager: it sends each partition as a request to the queue {@value #QUEUE}; processes started
 * with {@code --worker} take requests from that queue and run them against the shared database.
 */
@Configuration
public class ScaleOutConfig {

    /** The one queue of partition requests, shared by every month and every worker. */
    public static final String QUEUE = "codecred.partitions";
    /** Set by {@link Worker}: this JVM serves partitions and runs no month of its own. */
    public static final String ROLE = "codecred.role";

    private static final Logger log = LoggerFactory.getLogger(ScaleOutConfig.class);

    /** Partition threads of this JVM: {@code codecred.threads}, else the number of cores. */
    static int threads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    @Bean
    public Partitioning partitioning(JobRepository repository, StepLog stepLog, ObjectProvider<Partitioning.Remote> remote,
                                     @Value("${codecred.threads:0}") int threads,
                                     @Value("${codecred.partitions:0}") int partitions, DataSource dataSource) {
        int local = threads(threads);
        Partitioning.Remote sender = remote.getIfAvailable();
        // two per thread even out providers of unequal volume; remotely, enough for several workers
        int count = partitions > 0 ? partitions : sender == null ? local * 2 : 16;
        return new Partitioning(repository, stepLog, local, count, sender, new CheckpointPause(dataSource));
    }

    /**
     * Everything that exists only when a broker is configured, Spring Integration included (so a
     * single-JVM run starts none of it).
     */
    @Configuration
    @ConditionalOnProperty(name = "spring.artemis.broker-url")
    @EnableIntegration
    static class Remote {

        @Bean
        ConnectionFactory partitionConnectionFactory(@Value("${spring.artemis.broker-url}") String brokerUrl,
                                                     @Value("${spring.artemis.user:#{null}}") String user,
                                                     @Value("${spring.artemis.password:#{null}}") String password) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl, user, password);
            // no prefetch: a request waits in the broker until a worker thread is free to run it,
            // so an idle worker is never starved by a busy one holding requests in its buffer
            factory.setConsumerWindowSize(0);
            factory.setDeserializationAllowList("org.springframework.batch.integration.partition,java.lang");
            return factory;
        }

        @Bean
        PartitionLeases partitionLeases(DataSource dataSource) {
            Dialect database = Dialect.of(dataSource);
            if (!database.shared()) {
                throw new org.codecred.job.ConfigurationException("a broker is configured (spring.artemis.broker-url) but the database "
                        + database.url() + " is this process's own: workers need a shared database, e.g. "
                        + "--spring.datasource.url=jdbc:postgresql://HOST:5432/codecred");
            }
            if (database.sessionLocks().isPresent()) {
                return new SessionPartitionLeases(database.dedicatedConnections(dataSource), database.sessionLocks().get());
            }
            log.warn("partition leases need session locks (PostgreSQL has them); on {} a worker that dies leaves its"
                    + " partition running until the manager is stopped and run again", database.name());
            return PartitionLeases.NONE;
        }

        @Bean
        @ConditionalOnExpression("'${" + ROLE + ":manager}' != 'worker'")
        DirectChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        @ConditionalOnExpression("'${" + ROLE + ":manager}' != 'worker'")
        IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, ConnectionFactory partitionConnectionFactory,
                                                  RunSettings settings) {
            String digest = RuleTablesDigest.of(settings.rulesDir());
            return IntegrationFlow.from(partitionRequests)
                    .enrichHeaders(h -> h.header(RuleTablesDigest.HEADER, digest))
                    .handle(Jms.outboundAdapter(partitionConnectionFactory).destination(QUEUE))
                    .get();
        }

        @Bean
        @ConditionalOnExpression("'${" + ROLE + ":manager}' != 'worker'")
        Partitioning.Remote partitionSender(JobRepository repository, BeanFactory beanFactory, DirectChannel partitionRequests,
                                            PartitionLeases leases,
                                            @Value("${codecred.partition.poll-interval:1s}") Duration pollInterval) {
            RemotePartitioningManagerStepBuilderFactory steps = new RemotePartitioningManagerStepBuilderFactory(repository);
            steps.setBeanFactory(beanFactory);
            return new Partitioning.Remote(steps, partitionRequests, leases, pollInterval);
        }

        /**
         * The worker's side: the flow {@code RemotePartitioningWorkerStepBuilder} registers for one
         * step, registered once for all the worker steps (the request names its step, which is looked
         * up in this context), so a worker does not have to build the whole job to serve partitions.
         */
        @Bean
        @Lazy(false)
        @ConditionalOnProperty(name = ROLE, havingValue = "worker")
        IntegrationFlow partitionRequestsFromBroker(ConnectionFactory partitionConnectionFactory, JobRepository repository,
                                                    PartitionLeases leases, BeanFactory beanFactory, RunSettings settings,
                                                    @Value("${codecred.threads:0}") int threads) {
            int consumers = threads(threads);
            DirectChannel requests = new DirectChannel();
            requests.addInterceptor(new PartitionLeaseGuard(repository, leases, RuleTablesDigest.of(settings.rulesDir())));
            BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
            steps.setBeanFactory(beanFactory);
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobRepository(repository);
            handler.setStepLocator(steps);
            log.info("worker: serving partitions from queue {} with {} threads", QUEUE, consumers);
            return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(partitionConnectionFactory)
                            .destination(QUEUE)
                            .configureListenerContainer(c -> c.concurrentConsumers(consumers).maxConcurrentConsumers(consumers)))
                    .channel(requests)
                    .filter(Message.class, m -> !m.getHeaders().containsKey(PartitionLeaseGuard.DROPPED))
                    .handle(handler, "handle")
                    .nullChannel();
        }
    }
}
