package org.codecred.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header of one CSV input file: column names matched case-insensitively, in any order. */
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
            String name = names[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            normalized.add(name);
            map.putIfAbsent(name, i);
        }
        this.index = Collections.unmodifiableMap(map);
        this.names = List.copyOf(normalized);
        this.width = names.length;
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
