package org.codecred.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * SIGTERM or Ctrl-C: the JVM runs its shutdown hooks, and this one asks the running month to stop
 * ({@code JobOperator.stop}: the step in progress ends at its next chunk boundary, the execution is
 * STOPPED and the same command resumes it), waits until the run has ended and the database is closed,
 * then ends the process with the run's exit code (4 when stopped). The wait is bounded only by the
 * service manager's own stop timeout (systemd's TimeoutStopSec), after which it kills the process;
 * that is a kill like any other, which the next run resumes from the last commit.
 *
 * <p>Spring's own shutdown hook is off for the run's context (it would close the database under the
 * running step): this hook is the only one that matters.
 */
public final class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private static volatile boolean requested;
    private static volatile boolean ended;
    private static volatile Runnable stopper;
    private static volatile ExitCode exitCode = ExitCode.STOPPED;
    private static final CountDownLatch RUN_ENDED = new CountDownLatch(1);

    private GracefulStop() {
    }

    /** Installs the hook; call once, in the process's main method, before the run. */
    public static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(GracefulStop::onSignal, "codecred-graceful-stop"));
    }

    /** True once a stop was asked for: no further month is started. */
    public static boolean requested() {
        return requested;
    }

    /** While a month runs, what stops it; null when none runs. */
    public static void whileRunning(Runnable stop) {
        stopper = stop;
        if (stop != null && requested) {
            stop.run(); // the signal came while the month was being started
        }
    }

    /** The run has ended (resources closed) with {@code code}; the process may now exit with it. */
    public static void runEnded(ExitCode code) {
        exitCode = code;
        ended = true;
        RUN_ENDED.countDown();
    }

    private static void onSignal() {
        if (ended) {
            return; // an ordinary exit after the run: nothing to stop
        }
        requested = true;
        log.warn("stop requested (SIGTERM or Ctrl-C): the step in progress stops at its next chunk boundary;"
                + " run the same command again to resume");
        Runnable stop = stopper;
        if (stop != null) {
            stop.run();
        }
        try {
            RUN_ENDED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        // halt, not exit: exit would wait for this very hook; the run has closed everything it opened
        Runtime.getRuntime().halt(exitCode.code());
    }
}
