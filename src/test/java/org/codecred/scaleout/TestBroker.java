package org.codecred.scaleout;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.util.concurrent.CountDownLatch;

/**
 * A real Apache ActiveMQ Artemis broker for the scale-out tests, run as a JVM of its own
 * ({@code TestBroker PORT DIR}): listens on 127.0.0.1:PORT only, keeps no journal (its folders under DIR), has the
 * stock dead-letter queue (10 delivery attempts, then {@value #DLQ}), and prints
 * "broker ready" once it accepts connections. It runs until killed.
 */
public final class TestBroker {

    public static final String READY = "broker ready";
    /** The dead-letter queue, as a stock broker.xml configures it: a message refused 10 times lands here. */
    public static final String DLQ = "DLQ";

    private TestBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Configuration configuration = new ConfigurationImpl()
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port)
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(args[1] + "/journal")
                .setBindingsDirectory(args[1] + "/bindings")
                .setPagingDirectory(args[1] + "/paging")
                .setLargeMessagesDirectory(args[1] + "/large-messages")
                .addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of(DLQ)).setMaxDeliveryAttempts(10))
                .addQueueConfiguration(QueueConfiguration.of(DLQ).setAddress(DLQ).setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception ignored) {
                // the JVM ends anyway
            }
        }));
        System.out.println(READY + " on 127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }
}
