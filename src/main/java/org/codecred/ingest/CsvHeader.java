package org.codecred.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of one CSV file (claims, roster, exclusion list, registry extract, rule tables): column
 * names matched case-insensitively, trimmed and with runs of white space read as one space, in any
 * order, a leading byte-order mark ignored. The
 * one place that knows how a header is read; the first of two equal names wins.
 */
public final class CsvHeader {

    private final String file;
    private final Map<String, Integer> index;
    private final List<String> names;
    private final int width;

    public CsvHeader(String file, String[] names) {
        this.file = file;
        Map<String, Integer> map = new HashMap<>();
        List<String> normalized = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            String name = withoutBom(names[i]).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            normalized.add(name);
            map.putIfAbsent(name, i);
        }
        this.index = Collections.unmodifiableMap(map);
        this.names = List.copyOf(normalized);
        this.width = names.length;
    }

    /**
     * The text without byte-order marks: strip a header line with this before parsing it, so a BOM
     * before a quoted first name cannot hide the quote from the CSV parser.
     */
    public static String withoutBom(String text) {
        return text.replace("\uFEFF", "");
    }

    public String file() {
        return file;
    }

    /** How many fields every data row must have. */
    public int width() {
        return width;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** Index of {@code column}, or -1 when the file does not carry it. */
    public int indexOf(String column) {
        return index.getOrDefault(column, -1);
    }

    /** Every index of {@code column}: a file may carry a column twice (only the first is read, all are protected). */
    public List<Integer> indexesOf(String column) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(column)) {
                found.add(i);
            }
        }
        return found;
    }

    /** The (lower-case) name of column {@code index}. */
    public String nameOf(int index) {
        return names.get(index);
    }

    /** Required columns this header lacks. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(c -> !index.containsKey(c)).toList();
    }
}
