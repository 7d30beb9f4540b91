package org.codecred.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Procedure codes as rule tables write them: single codes, lists {@code a;b} and inclusive ranges
 * ({@code 99202-99205}, {@code H0001-H0050}). The one place that reads such cells: as a set to test
 * codes against ({@link #of}), or spelled out code by code for tables keyed by code ({@link #codesIn}).
 * Ranges compare codes of the same length character by character, so {@code 99202-99205} holds
 * 99202..99205 and {@code G0017-G0018} holds G0017 and G0018.
 */
public final class CodeSet {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern RANGE = Pattern.compile("(\\d{5})-(\\d{5})");
    /** A HCPCS range of one letter: {@code H0001-H0050}. */
    private static final Pattern LETTER_RANGE = Pattern.compile("([A-Z])(\\d{4})-([A-Z])(\\d{4})");

    private record Range(String from, String to) {
        boolean contains(String code) {
            return code.length() == from.length() && code.compareTo(from) >= 0 && code.compareTo(to) <= 0;
        }
    }

    private final Set<String> codes;
    private final List<Range> ranges;
    private final String text;

    private CodeSet(Set<String> codes, List<Range> ranges, String text) {
        this.codes = codes;
        this.ranges = ranges;
        this.text = text;
    }

    /** Parses entries such as {@code 90847} or {@code 99202-99205}; throws IllegalArgumentException on a bad range. */
    public static CodeSet of(List<String> entries) {
        Set<String> codes = new HashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim().toUpperCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            int dash = entry.indexOf('-');
            if (dash < 0) {
                codes.add(entry);
                continue;
            }
            String from = entry.substring(0, dash).trim();
            String to = entry.substring(dash + 1).trim();
            if (from.length() != to.length() || from.isEmpty() || from.compareTo(to) > 0) {
                throw new IllegalArgumentException("'" + raw + "' is not a range of codes of the same length, low-high");
            }
            ranges.add(new Range(from, to));
        }
        return new CodeSet(Set.copyOf(codes), List.copyOf(ranges), String.join(", ", entries));
    }

    public static CodeSet of(String... entries) {
        return of(List.of(entries));
    }

    public boolean isEmpty() {
        return codes.isEmpty() && ranges.isEmpty();
    }

    public boolean contains(String code) {
        if (code == null) {
            return false;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (codes.contains(c)) {
            return true;
        }
        for (Range range : ranges) {
            if (range.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** True when any of {@code candidates} is in the set. */
    public boolean containsAny(Iterable<String> candidates) {
        for (String code : candidates) {
            if (contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** The codes a table cell names, each spelled out: one code, a list {@code a;b}, or a range. */
    public static List<String> codesIn(RuleTable.Row row, String column) {
        List<String> codes = new ArrayList<>();
        for (String part : row.list(column)) {
            String value = part.toUpperCase(Locale.ROOT).replace(" ", "");
            var range = RANGE.matcher(value);
            var letterRange = LETTER_RANGE.matcher(value);
            if (letterRange.matches() && letterRange.group(1).equals(letterRange.group(3))) {
                int from = Integer.parseInt(letterRange.group(2));
                int to = Integer.parseInt(letterRange.group(4));
                if (to < from) {
                    throw row.problem(column, part, "is not a range from a lower to a higher code");
                }
                for (int c = from; c <= to; c++) {
                    codes.add(letterRange.group(1) + String.format("%04d", c));
                }
            } else if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (to < from || to - from > 5000) {
                    throw row.problem(column, part, "is not a range from a lower to a higher code (at most 5000 codes)");
                }
                for (int c = from; c <= to; c++) {
                    codes.add(String.format("%05d", c));
                }
            } else if (CODE.matcher(value).matches()) {
                codes.add(value);
            } else {
                throw row.problem(column, part, "is not a 5-character code or a range like 90832-90838");
            }
        }
        return codes;
    }

    /** Whether {@code value} has the shape of a procedure code (5 letters or digits, upper case). */
    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
