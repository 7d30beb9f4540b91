package org.codecred.scaleout;

import org.codecred.CodeCredApplication;
import org.codecred.job.ExitCode;
import org.codecred.job.RunSettings;
import org.codecred.job.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar codecred.jar --worker --spring.artemis.broker-url=tcp://HOST:61616
 * --spring.datasource.url=jdbc:postgresql://...}: serves partitions of the per-provider steps for any
 * month a manager runs, until stopped. SIGTERM (or Ctrl-C) stops taking requests, lets the partitions
 * in hand finish, and exits. Beans are created when a partition first needs them, so a worker never
 * builds the job nor loads a month of its own.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private Worker() {
    }

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains("--worker");
    }

    /** Runs the worker until it is stopped (then returns null), or returns the exit code of a failed start. */
    public static ExitCode start(PrintStream err, String... args) {
        RunSettings settings;
        try {
            settings = RunSettings.forWorker(args);
        } catch (UsageException e) {
            err.println("codecred: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--spring.artemis.broker-url="))
                && System.getenv("SPRING_ARTEMIS_BROKER_URL") == null) {
            err.println("codecred: --worker needs the broker: add --spring.artemis.broker-url=tcp://HOST:61616 and the "
                    + "shared database (--spring.datasource.url=jdbc:postgresql://...)");
            return ExitCode.USAGE;
        }
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(CodeCredApplication.class)
                    .properties(Map.of(ScaleOutConfig.ROLE, "worker", "spring.main.lazy-initialization", "true",
                            // on SIGTERM the listener container waits for the partitions in hand
                            "spring.lifecycle.timeout-per-shutdown-phase", "1h"))
                    .initializers(c -> c.getBeanFactory().registerSingleton("runSettings", settings))
                    .run(args);
            CountDownLatch stopped = new CountDownLatch(1);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> stopped.countDown());
            log.info("worker started; stop it with SIGTERM (partitions in hand finish first)");
            stopped.await(); // Spring's shutdown hook closes the context on SIGTERM
            log.info("worker stopped");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            log.error("the worker could not start", e);
            err.println("codecred: the worker could not start: " + rootMessage(e));
            return ExitCode.FAILED;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
