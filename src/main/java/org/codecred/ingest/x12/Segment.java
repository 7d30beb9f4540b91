package org.codecred.ingest.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One X12 segment as read: its tag, its number in the file (ISA = 1) and its elements, each a list
 * of components (a simple element has one). Only the first repetition of an element is kept: no
 * element the claim mapping reads repeats in 005010X222A1.
 */
final class Segment {

    /**
     * The elements of the segments read that the 837P guide defines as composites (CLM05 facility
     * code, CLM11 related causes, DMG05 race or ethnicity, HI01-HI12 diagnoses, SV101 procedure,
     * SV107 diagnosis pointers, SV501 procedure of DME). Everywhere else a component separator is data,
     * which X12 does not allow: read as a composite, the value would be cut at it.
     */
    private static final Map<String, Set<Integer>> COMPOSITES = Map.of("CLM", Set.of(5, 11), "DMG", Set.of(5),
            "HI", Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), "SV1", Set.of(1, 7), "SV5", Set.of(1));

    final String tag;
    final long number;
    private final List<String[]> elements = new ArrayList<>(12);

    Segment(String tag, long number) {
        this.tag = tag;
        this.number = number;
    }

    /** Sets element {@code position} (1-based), component {@code component} (1-based; 0 for a simple element). */
    void put(int position, int component, String value) {
        while (elements.size() < position) {
            elements.add(null);
        }
        String[] parts = elements.get(position - 1);
        int index = Math.max(0, component - 1);
        if (parts == null || parts.length <= index) {
            String[] grown = new String[index + 1];
            if (parts != null) {
                System.arraycopy(parts, 0, grown, 0, parts.length);
            }
            parts = grown;
            elements.set(position - 1, parts);
        }
        if (parts[index] == null) {
            parts[index] = value;
        }
    }

    /** Element {@code position} (its first component when composite), "" when absent. */
    String element(int position) {
        return component(position, 1);
    }

    /** Component {@code component} of element {@code position}, "" when absent. */
    String component(int position, int component) {
        if (position > elements.size()) {
            return "";
        }
        String[] parts = elements.get(position - 1);
        if (parts == null || component > parts.length || parts[component - 1] == null) {
            return "";
        }
        return parts[component - 1];
    }

    int elementCount() {
        return elements.size();
    }

    int componentCount(int position) {
        if (position > elements.size() || elements.get(position - 1) == null) {
            return 0;
        }
        return elements.get(position - 1).length;
    }

    /** The segment written back with the standard delimiters ({@code * : ~}), trailing empty elements dropped. */
    String text() {
        StringBuilder out = new StringBuilder(tag);
        for (String[] parts : elements) {
            out.append('*');
            if (parts != null) {
                for (int c = 0; c < parts.length; c++) {
                    if (c > 0) {
                        out.append(':');
                    }
                    out.append(parts[c] == null ? "" : parts[c]);
                }
            }
        }
        return out.append('~').toString();
    }

    /** The first simple element (e.g. {@code NM109}) that arrived in components, or null when there is none. */
    String simpleElementInComponents() {
        for (int e = 1; e <= elements.size(); e++) {
            if (componentCount(e) > 1 && !COMPOSITES.getOrDefault(tag, Set.of()).contains(e)) {
                return tag + String.format("%02d", e);
            }
        }
        return null;
    }
}
