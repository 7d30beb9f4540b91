package org.codecred.database;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

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

    /**
     * The rows of {@code selectFrom} ({@code SELECT ... FROM table}) of the month and these keys in one
     * query, each made by {@code mapper} and listed under its key in {@code orderBy}'s order (a key
     * without rows has no entry): what each table's {@code ofProviders} asks.
     *
     * @param orderBy the ORDER BY list, or null when the caller orders each key's rows itself
     */
    public static <T> Map<String, List<T>> rowsByKey(JdbcTemplate jdbc, String selectFrom, String monthColumn,
                                                     String keyColumn, String orderBy, YearMonth month,
                                                     Collection<String> keys, RowMapper<T> mapper, Function<T, String> keyOf) {
        Map<String, List<T>> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        KeyList list = of(keys);
        List<Object> args = new ArrayList<>(List.of(month.toString()));
        args.addAll(list.args());
        jdbc.query(selectFrom + " WHERE " + monthColumn + " = ? AND " + list.condition(keyColumn)
                + (orderBy == null ? "" : " ORDER BY " + orderBy), (RowCallbackHandler) rs -> {
                    T row = mapper.mapRow(rs, 0);
                    rows.computeIfAbsent(keyOf.apply(row), k -> new ArrayList<>()).add(row);
                }, args.toArray());
        return rows;
    }
}
