package org.codecred.cli;

import org.codecred.job.UsageException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A backfill: {@code --months=2026-01..2026-10} runs each month in order, as {@code --month=} would.
 * Months already completed say so and are not redone, so running the same command again after a
 * failure resumes at the first month not completed. The first month that does not complete stops
 * the range, and its exit code is the command's.
 */
public record MonthRange(YearMonth first, YearMonth last) {

    static final String OPTION = "--months=";

    /** The range in {@code args}, or null when there is no {@code --months}. */
    public static MonthRange in(String... args) throws UsageException {
        String range = null;
        boolean month = false;
        boolean force = false;
        for (String arg : args) {
            if (arg.startsWith(OPTION) || arg.equals("--months")) {
                String value = arg.contains("=") ? arg.substring(OPTION.length()) : "";
                if (range != null) {
                    // the last range would win silently
                    throw new UsageException("--months is given twice (" + range + " and " + value + "): give it once");
                }
                range = value;
            } else if (arg.startsWith("--month=") || arg.equals("--month")) {
                month = true;
            } else if (arg.equals("--force") || arg.startsWith("--force=")) {
                force = !(arg.equalsIgnoreCase("--force=false") || arg.equalsIgnoreCase("--force=no"));
            }
        }
        if (range == null) {
            return null;
        }
        if (month) {
            throw new UsageException("give either --month=YYYY-MM or --months=YYYY-MM..YYYY-MM, not both");
        }
        if (force) {
            throw new UsageException("--force applies to one month: recompute it with --month=YYYY-MM --force, then run the range");
        }
        String[] ends = range.split("\\.\\.", -1);
        if (ends.length != 2) {
            throw new UsageException("--months=" + range + " is not a range: write it as YYYY-MM..YYYY-MM, e.g. --months=2026-01..2026-10");
        }
        YearMonth first = parse(range, ends[0]);
        YearMonth last = parse(range, ends[1]);
        if (last.isBefore(first)) {
            throw new UsageException("--months=" + range + " ends before it starts: write the earlier month first");
        }
        return new MonthRange(first, last);
    }

    private static YearMonth parse(String range, String month) throws UsageException {
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("", month, 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new UsageException("--months=" + range + ": '" + month + "' is not a month: write YYYY-MM..YYYY-MM, e.g. --months=2026-01..2026-10");
        }
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The arguments of one month of the range: {@code --months=...} replaced by {@code --month=YYYY-MM}. */
    public static String[] argsFor(YearMonth month, String... args) {
        List<String> one = new ArrayList<>();
        for (String arg : args) {
            one.add(arg.startsWith(OPTION) || arg.equals("--months") ? "--month=" + month : arg);
        }
        return one.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
