package org.codecred.cli;

import org.codecred.CodeCredApplication;
import org.codecred.database.AbandonedDatabaseLock;
import org.codecred.database.Dialect;
import org.codecred.database.RunLock;
import org.codecred.history.HistoryIntegrityException;
import org.codecred.job.ExitCode;
import org.codecred.job.GracefulStop;
import org.codecred.job.RunSettings;
import org.codecred.job.UsageException;
import org.codecred.output.OutputAside;
import org.codecred.output.ScratchFolder;
import org.codecred.rules.RuleTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
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
        return run(System.out, err, args);
    }

    public static ExitCode run(PrintStream out, PrintStream err, String... args) {
        String answer = Usage.answer(args);
        if (answer != null) {
            out.println(answer);
            return ExitCode.COMPLETED;
        }
        MonthRange range;
        try {
            range = MonthRange.in(args);
        } catch (UsageException e) {
            err.println("codecred: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return range == null ? runMonth(err, args) : runRange(err, range, args);
    }

    /**
     * Each month of the range in order; stops at the first that does not complete and returns its
     * code. Every month's input is checked first, so a missing month is found before hours of others.
     */
    private static ExitCode runRange(PrintStream err, MonthRange range, String... args) {
        for (java.time.YearMonth month : range.months()) {
            try {
                InputCheck.check(RunSettings.parse(MonthRange.argsFor(month, args)));
            } catch (UsageException e) {
                err.println("codecred: months " + range + ": nothing started, month " + month + " cannot run: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        for (java.time.YearMonth month : range.months()) {
            ExitCode code = GracefulStop.requested() ? ExitCode.STOPPED : runMonth(err, MonthRange.argsFor(month, args));
            if (code != ExitCode.COMPLETED) {
                err.println("codecred: months " + range + " stopped at " + month
                        + (code == ExitCode.FAILED || code == ExitCode.STOPPED ? "; run the same command again to resume there" : ""));
                return code;
            }
        }
        return ExitCode.COMPLETED;
    }

    private static ExitCode runMonth(PrintStream err, String... args) {
        RunSettings settings;
        Path fileDatabase;
        try {
            settings = OutputAside.forRun(RunSettings.parse(args));
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
            ConfigurationFailureReporter.take(); // nothing left from an earlier start on this thread
            context = new SpringApplicationBuilder(CodeCredApplication.class)
                    .initializers(c -> c.getBeanFactory().registerSingleton("runSettings", settings))
                    .registerShutdownHook(false) // GracefulStop ends the run on SIGTERM, then the context closes
                    .run(args);
            return context.getBean(MonthLauncher.class).launch(err);
        } catch (RuntimeException e) {
            return failedToStart(err, settings, e, args);
        } finally {
            if (context != null) {
                context.close();
            }
            ScratchFolder.remove(settings);
        }
    }

    /**
     * The embedded file database this run opens (--db), or null when a {@code spring.datasource.url}
     * points elsewhere (a server database guards months itself, see {@link Dialect#monthLock}). A file
     * URL given that way counts as the file database it names.
     */
    static Path fileDatabase(RunSettings settings, String... args) {
        return dialect(settings, args).fileDatabase().orElse(null);
    }

    /** The database of this run: the one {@code spring.datasource.url} names, else the embedded one at --db. */
    static Dialect dialect(RunSettings settings, String... args) {
        String url = null;
        for (String arg : args) {
            if (arg.startsWith("--spring.datasource.url=")) {
                url = arg.substring("--spring.datasource.url=".length());
            }
        }
        if (url == null) {
            url = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
        }
        return url == null ? Dialect.embedded(settings.db()) : Dialect.forUrl(url);
    }

    private static ExitCode failedToStart(PrintStream err, RunSettings settings, RuntimeException e, String... args) {
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
        if (dialect(settings, args).openElsewhere(e)) {
            // no CodeCred run holds the database (this process holds the run lock): another program has it open
            err.println("codecred: the database " + settings.db() + " is open in another program (not a CodeCred run): "
                    + "close that program, then run the same command again");
            return ExitCode.USAGE;
        }
        FailureAnalysis configuration = ConfigurationFailureReporter.take();
        if (configuration != null) {
            err.println("codecred: " + Failures.oneLine(configuration.getDescription())
                    + (configuration.getAction() == null ? "" : ": " + configuration.getAction()) + "; nothing was started");
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

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
