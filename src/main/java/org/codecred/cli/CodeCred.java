package org.codecred.cli;

import org.codecred.job.UsageException;
import org.codecred.job.RunSettings;
import org.codecred.CodeCredApplication;
import org.codecred.rules.RuleTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;

/**
 * One run from the command line to an exit code. User mistakes are found before Spring starts and
 * reported in one line; nothing a user can cause prints a stack trace.
 */
public final class CodeCred {

    private static final Logger log = LoggerFactory.getLogger(CodeCred.class);

    private CodeCred() {
    }

    public static ExitCode run(String... args) {
        return run(System.err, args);
    }

    public static ExitCode run(PrintStream err, String... args) {
        RunSettings settings;
        try {
            settings = RunSettings.parse(args);
            InputCheck.check(settings);
        } catch (UsageException e) {
            err.println("codecred: " + e.getMessage());
            return ExitCode.USAGE;
        }
        ConfigurableApplicationContext context = null;
        try {
            context = new SpringApplicationBuilder(CodeCredApplication.class)
                    .initializers(c -> c.getBeanFactory().registerSingleton("runSettings", settings))
                    .run(args);
            return context.getBean(MonthLauncher.class).launch(err);
        } catch (RuntimeException e) {
            return failedToStart(err, settings, e);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    private static ExitCode failedToStart(PrintStream err, RunSettings settings, RuntimeException e) {
        RuleTableException table = causeOf(e, RuleTableException.class);
        if (table != null) {
            err.println("codecred: " + table.getMessage());
            return ExitCode.USAGE;
        }
        if (databaseLocked(e)) {
            err.println("codecred: month " + settings.monthKey() + " is already running: another CodeCred process holds the database "
                    + settings.db() + "; wait for it to finish");
            return ExitCode.RUNNING;
        }
        log.error("CodeCred could not run month {}", settings.monthKey(), e);
        err.println("codecred: the job could not run: " + rootMessage(e) + " (details in the log above)");
        return ExitCode.FAILED;
    }

    /** HSQLDB refuses a second process its file database; that is how a running month is seen. */
    private static boolean databaseLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("lockFile") || message.contains("Database lock acquisition failure")) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
