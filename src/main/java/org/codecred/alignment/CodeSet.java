package org.codecred.alignment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A set of procedure codes written in a rule table as single codes and inclusive ranges,
 * e.g. {@code 99202-99205;90792}. Ranges compare codes of the same length character by character,
 * so {@code 99202-99205} holds 99202..99205 and {@code G0017-G0018} holds G0017 and G0018.
 */
public final class CodeSet {

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

    @Override
    public String toString() {
        return text;
    }
}
