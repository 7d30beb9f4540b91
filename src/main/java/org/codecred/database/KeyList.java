package org.codecred.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * "The column is one of these keys" (NPIs, say) as a condition every database finds by index.
 * HSQLDB uses an index for a column's {@code IN} list only when nothing before it in the index
 * narrows the rows: after {@code month = ?} it checks the list row by row over the whole month.
 * Bounding the column by the list's least and greatest key as well gives it the index range to
 * read, whose rows the list then filters; PostgreSQL and others take either condition.
 */
public final class KeyList {

    private final List<String> keys;

    private KeyList(List<String> keys) {
        this.keys = keys;
    }

    /**
     * The keys in any order, repeats allowed; at least one. Keys are bounded in Java's order, so they
     * must be ones every collation orders alike: digits (NPIs), or months written YYYY-MM.
     */
    public static KeyList of(Collection<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key list needs at least one key");
        }
        return new KeyList(List.copyOf(new TreeSet<>(keys)));
    }

    /** {@code column >= ? AND column <= ? AND column IN (?, ...)}, its parameters given by {@link #args()}. */
    public String condition(String column) {
        return column + " >= ? AND " + column + " <= ? AND " + column + " IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
    }

    /** The parameters of {@link #condition}: the least key, the greatest, then every key. */
    public List<Object> args() {
        List<Object> args = new ArrayList<>(keys.size() + 2);
        args.add(keys.get(0));
        args.add(keys.get(keys.size() - 1));
        args.addAll(keys);
        return args;
    }
}
