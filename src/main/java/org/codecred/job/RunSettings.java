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
 * {@code --month=YYYY-MM [--input=DIR] [--output=DIR] [--db=PATH] [--rules=DIR] [--force]}.
 * Any other {@code --name=value} is a Spring property and is left to Spring.
 */
public record RunSettings(YearMonth month, Path inputRoot, Path outputRoot, Path db, Path rulesDir, boolean force) {

    /** The month as the job's identifying parameter and the staging tables' key, e.g. {@code 2026-10}. */
    public String monthKey() {
        return month.toString();
    }

    /** {@code input/YYYY-MM}: the month's claim files, roster, exclusions and registry extract. */
    public Path inputDir() {
        return inputRoot.resolve(monthKey());
    }

    /** {@code output/YYYY-MM}: everything the run writes. */
    public Path outputDir() {
        return outputRoot.resolve(monthKey());
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

    public static RunSettings parse(String... args) throws UsageException {
        String month = null;
        String input = "input";
        String output = "output";
        String db = "data/codecred";
        String rules = "jobs/rules";
        boolean force = false;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "': options are written --name=value");
            }
            String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "month" -> month = value;
                case "input" -> input = required(name, value);
                case "output" -> output = required(name, value);
                case "db" -> db = required(name, value);
                case "rules" -> rules = required(name, value);
                case "force" -> force = value == null || Boolean.parseBoolean(value);
                default -> {
                    // a Spring property such as --spring.datasource.url=...
                }
            }
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

    private static String required(String name, String value) throws UsageException {
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " needs a value: --" + name + "=...");
        }
        return value;
    }
}
