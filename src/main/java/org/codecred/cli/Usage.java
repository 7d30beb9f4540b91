package org.codecred.cli;

import org.codecred.job.Version;

/**
 * {@code --help} and {@code --version}: answered before anything else, nothing started. The options
 * are those {@link org.codecred.job.OptionNames} lists.
 */
public final class Usage {

    static final String TEXT = """
            Usage: java -jar codecred.jar --month=YYYY-MM [options]
                   java -jar codecred.jar --months=YYYY-MM..YYYY-MM [options]
                   java -jar codecred.jar --worker --spring.artemis.broker-url=... --spring.datasource.url=...
                   java -jar codecred.jar generate --month=YYYY-MM --providers=N --lines=N

            Credentials a month of behavioral-health claims: coding checks, credential checks, specialty
            alignment, peer comparison, a verdict per provider, one dossier workbook each.

            Options:
              --month=YYYY-MM         the month to run (its identity: the same command resumes it)
              --months=A..B           a range of months in order; every month's input is checked first
              --input=DIR             holds DIR/YYYY-MM/ (default input)
              --output=DIR            results go to DIR/YYYY-MM/ (default output)
              --db=PATH               the embedded HSQLDB file database (default data/codecred)
              --rules=DIR             the rule tables (default jobs/rules)
              --force                 recompute a completed month; the previous outputs stay until it completes
              --worker                serve partitions of months started elsewhere (docs/scale-out.md)
              --help, --version       this text; CodeCred's version
              --spring.NAME=VALUE     any Spring property, e.g. --spring.datasource.url=jdbc:postgresql://...

            Exit codes:
              0  completed (or already completed: nothing redone)
              1  failed: run the same command again to resume from the last commit
              2  bad invocation, unusable input or configuration: nothing started; fix what the line names
              3  the month (with the embedded database: any month) is already running elsewhere
              4  stopped on request (SIGTERM, Ctrl-C): run the same command again to resume

            Docs: README.md and docs/ (docs/operations.md: install, schedule, logs, upgrades).
            """;

    private Usage() {
    }

    /** {@code --help}, {@code --version}, or null when neither is asked for. */
    public static String answer(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return TEXT.stripTrailing();
            }
        }
        for (String arg : args) {
            if (arg.equals("--version")) {
                return "CodeCred " + Version.current();
            }
        }
        return null;
    }
}
