package org.codecred.ingest;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header of one CSV input file: column names matched case-insensitively, in any order. */
public final class CsvHeader {

    private final String file;
    private final Map<String, Integer> index;
    private final int width;

    public CsvHeader(String file, String[] names) {
        this.file = file;
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.putIfAbsent(names[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
        }
        this.index = Collections.unmodifiableMap(map);
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

    /** Required columns this header lacks. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(c -> !index.containsKey(c)).toList();
    }
}
