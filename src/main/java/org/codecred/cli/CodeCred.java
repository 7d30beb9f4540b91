package org.codecred.cli;

import org.codecred.job.AbandonedDatabaseLock;
import org.codecred.job.ExitCode;
import org.codecred.job.UsageException;
import org.codecred.job.RunSettings;
import org.codecred.CodeCredApplication;
import org.codecred.job.RunLock;
import org.codecred.history.HistoryIntegrityException;
import org.codecred.output.ScratchFolder;
import org.codecred.rules.RuleTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

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
        MonthRange range;
        try {
            range = MonthRange.in(args);
        } catch (UsageException e) {
            err.println("codecred: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return range == null ? runMonth(err, args) : runRange(err, range, args);
    }

    /** Each month of the range in order; stops at the first that does not complete and returns its code. */
    private static ExitCode runRange(PrintStream err, MonthRange range, String... args) {
        for (java.time.YearMonth month : range.months()) {
            ExitCode code = runMonth(err, MonthRange.argsFor(month, args));
            if (code != ExitCode.COMPLETED) {
                err.println("codecred: months " + range + " stopped at " + month
                        + (code == ExitCode.FAILED ? "; run the same command again to resume there" : ""));
                return code;
            }
        }
        return ExitCode.COMPLETED;
    }

    private static ExitCode runMonth(PrintStream err, String... args) {
        RunSettings settings;
        Path fileDatabase;
        try {
            settings = RunSettings.parse(args);
            InputCheck.check(settings);
            fileDatabase = fileDatabase(settings, args);
            OutputCheck.check(settings, fileDatabase);
        } catch (UsageException e) {
            err.println("codecred: " + e.getMessage());
            return ExitCode.USAGE;
        }
        RunLock runLock = null;
        if (fileDatabase != null) {
            try {
                runLock = RunLock.tryAcquire(RunLock.lockFileOf(fileDatabase));
            } catch (IOException e) {
                err.println("codecred: the lock file " + RunLock.lockFileOf(fileDatabase) + " cannot be used ("
                        + Failures.reason(e) + "): check the database folder's permissions");
                return ExitCode.USAGE;
            }
            if (runLock == null) {
                // the embedded database serves one run at a time, whichever month it runs: say so, not that this month runs
                err.println("codecred: a month is already running on the database " + settings.db()
                        + " (another CodeCred process holds it), so month " + settings.month()
                        + " cannot start; wait for it to finish");
                return ExitCode.RUNNING;
            }
            AbandonedDatabaseLock.awaitTakeover(fileDatabase);
        }
        try {
            return runSpring(err, settings, args);
        } finally {
            if (runLock != null) {
                try {
                    runLock.close();
                } catch (IOException e) {
                    log.warn("releasing {} failed: {} (the operating system frees it as the process ends)",
                            RunLock.lockFileOf(fileDatabase), e.getMessage());
                }
            }
        }
    }

    private static ExitCode runSpring(PrintStream err, RunSettings settings, String... args) {
        ConfigurableApplicationContext context = null;
        try {
            ScratchFolder.useFor(settings);
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
            ScratchFolder.remove(settings);
        }
    }

    /**
     * The embedded HSQLDB file database this run opens (--db), or null when a
     * {@code spring.datasource.url} points elsewhere (a server database guards months itself, see
     * MonthLocks). A file URL given that way counts as the file database it names.
     */
    static Path fileDatabase(RunSettings settings, String... args) {
        String url = null;
        for (String arg : args) {
            if (arg.startsWith("--spring.datasource.url=")) {
                url = arg.substring("--spring.datasource.url=".length());
            }
        }
        if (url == null) {
            url = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
        }
        if (url == null) {
            return settings.db();
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:hsqldb:file:")) {
            String path = url.substring("jdbc:hsqldb:file:".length());
            int options = path.indexOf(';');
            return Path.of(options < 0 ? path : path.substring(0, options));
        }
        return null;
    }

    private static ExitCode failedToStart(PrintStream err, RunSettings settings, RuntimeException e) {
        RuleTableException table = causeOf(e, RuleTableException.class);
        if (table != null) {
            err.println("codecred: " + tableMessage(table.getMessage()));
            return ExitCode.USAGE;
        }
        HistoryIntegrityException history = causeOf(e, HistoryIntegrityException.class);
        if (history != null) {
            err.println("codecred: " + history.getMessage());
            return ExitCode.USAGE;
        }
        if (databaseLocked(e)) {
            // no CodeCred run holds the database (this process holds the run lock): another program has it open
            err.println("codecred: the database " + settings.db() + " is open in another program (not a CodeCred run): "
                    + "close that program, then run the same command again");
            return ExitCode.USAGE;
        }
        log.error("CodeCred could not run month {}", settings.month(), e);
        err.println("codecred: the job could not run: " + Failures.describe(e) + " (details in the log above)");
        return ExitCode.FAILED;
    }

    /** A rule table's problem in one line; a reader's bare "null" (a damaged zip) says what it means. */
    static String tableMessage(String message) {
        String text = Failures.oneLine(String.valueOf(message));
        return text.endsWith(": null") ? text.substring(0, text.length() - ": null".length())
                + ": the file is damaged or cut short (not a readable file of its kind)" : text;
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
}
