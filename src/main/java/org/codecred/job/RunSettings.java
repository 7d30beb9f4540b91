package org.codecred.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one run is about, from the command line:
 * {@code --month=YYYY-MM [--input=DIR] [--output=DIR] [--db=PATH] [--rules=DIR] [--force]}
 * ({@code --months=YYYY-MM..YYYY-MM} runs a range month by month: {@link MonthRange}).
 * Any other {@code --name=value} is a Spring property and is left to Spring.
 */
public record RunSettings(YearMonth month, Path inputRoot, Path outputRoot, Path db, Path rulesDir, boolean force,
                          boolean buildingAside) {

    public RunSettings(YearMonth month, Path inputRoot, Path outputRoot, Path db, Path rulesDir, boolean force) {
        this(month, inputRoot, outputRoot, db, rulesDir, force, false);
    }

    /** These settings, with the run's outputs built aside ({@link #asideDir()}) and put in place only when it completes. */
    public RunSettings withOutputsAside() {
        return new RunSettings(month, inputRoot, outputRoot, db, rulesDir, force, true);
    }

    /** The month as the job's identifying parameter and the staging tables' key, e.g. {@code 2026-10}. */
    public String monthKey() {
        return month.toString();
    }

    /** {@code input/YYYY-MM}: the month's claim files, roster, exclusions and registry extract. */
    public Path inputDir() {
        return inputRoot.resolve(monthKey());
    }

    /**
     * Where the run writes: {@code output/YYYY-MM}, or, for a run that replaces a month's complete
     * outputs (--force), the folder beside it that becomes {@code output/YYYY-MM} when the run completes.
     */
    public Path outputDir() {
        return buildingAside ? asideDir() : publishedDir();
    }

    /** {@code output/YYYY-MM}: the month's outputs as users and other systems read them. */
    public Path publishedDir() {
        return outputRoot.resolve(monthKey());
    }

    /** {@code output/.YYYY-MM.next}: a forced run's outputs until it completes. */
    public Path asideDir() {
        return outputRoot.resolve("." + monthKey() + ".next");
    }

    public Path rosterFile() {
        return inputDir().resolve("roster.csv");
    }

    /** The month's {@code claims*.csv} files, in name order. */
    public List<Path> claimFiles() {
        try (Stream<Path> files = Files.list(inputDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.startsWith("claims") && name.endsWith(".csv");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The month's 837P claim files ({@code claims*.837}, {@code claims*.x12}, {@code claims*.edi}), in name order. */
    public List<Path> x12ClaimFiles() {
        try (Stream<Path> files = Files.list(inputDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.startsWith("claims") && (name.endsWith(".837") || name.endsWith(".x12") || name.endsWith(".edi"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static RunSettings parse(String... args) throws UsageException {
        return parse(true, args);
    }

    /**
     * A worker's settings ({@code --worker}): the same options but no month, as a worker serves the
     * partitions of whichever month its manager runs; {@link #month()} is null.
     */
    public static RunSettings forWorker(String... args) throws UsageException {
        return parse(false, args);
    }

    private static RunSettings parse(boolean monthRequired, String... args) throws UsageException {
        String month = null;
        String input = "input";
        String output = "output";
        String db = "data/codecred";
        String rules = "jobs/rules";
        boolean force = false;
        java.util.Set<String> given = new java.util.HashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': options are written --name=value");
            }
            String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (!name.contains(".") && !given.add(name) && !name.equals("month")) {
                // the last one would win silently: --db twice may be a script's default and the user's own
                throw new UsageException("--" + name + " is given twice: give it once");
            }
            switch (name) {
                case "month" -> {
                    if (month != null) {
                        throw new UsageException("--month is given twice (" + month + " and " + value + "): give it once");
                    }
                    month = value;
                }
                case "input" -> input = required(name, value);
                case "output" -> output = required(name, value);
                case "db" -> db = required(name, value);
                case "rules" -> rules = required(name, value);
                case "force" -> force = yesNo(name, value);
                case "worker" -> {
                    if (monthRequired) {
                        throw new UsageException("--worker serves partitions and runs no month of its own: give either --worker or --month");
                    }
                }
                case "months", "debug", "trace" -> {
                    // --months is split into months before this; --debug and --trace are Spring Boot's own
                }
                default -> {
                    // a Spring property (--spring.datasource.url=..., --logging.level.org=..., --codecred.x=...)
                    // has a dot; any other name is a typo that would otherwise be ignored (--ouput, --forced)
                    if (!name.contains(".")) {
                        String meant = OptionNames.nearest(name);
                        throw new UsageException("unknown option --" + name + (meant == null ? "" : " (did you mean --" + meant + "?)")
                                + ": the options are --month, --months, --input,"
                                + " --output, --db, --rules and --force, and Spring properties such as"
                                + " --spring.datasource.url=...; --help lists them");
                    }
                }
            }
        }
        if (!monthRequired) {
            if (month != null) {
                throw new UsageException("--worker serves partitions and runs no month of its own: give either --worker or --month");
            }
            return new RunSettings(null, Path.of(input), Path.of(output), Path.of(db), Path.of(rules), false);
        }
        if (month == null || month.isBlank()) {
            throw new UsageException("no month given: add --month=YYYY-MM, e.g. --month=2026-10");
        }
        YearMonth yearMonth;
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("", month, 0);
            }
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new UsageException("--month=" + month + " is not a month: write it as YYYY-MM, e.g. --month=2026-10");
        }
        return new RunSettings(yearMonth, Path.of(input), Path.of(output), Path.of(db), Path.of(rules), force);
    }

    /** {@code --force} alone or {@code =true}/{@code =yes} is on, {@code =false}/{@code =no} off; anything else is a mistake. */
    static boolean yesNo(String name, String value) throws UsageException {
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new UsageException("--" + name + "=" + value + " is neither yes nor no: write --" + name
                    + " alone to turn it on");
        };
    }

    private static String required(String name, String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " needs a value: --" + name + "=...");
        }
        return value;
    }
}
