package org.codecred.database;

import java.util.Locale;
import java.util.Map;

/**
 * Any other JDBC database: portable SQL only. A month is guarded by a locked row
 * ({@link RowMonthLock}); a month's rows are cleared in one statement, since standard SQL has no
 * limited DELETE.
 */
final class JdbcDialect implements Dialect {

    private final String url;

    JdbcDialect(String url) {
        this.url = url;
    }

    @Override
    public String name() {
        return "this JDBC database"; // not the URL: it may hold a password
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public MonthLock monthLock(ConnectionSource connections) {
        return new RowMonthLock(connections);
    }

    /** The limit parameter is bound and ignored: {@code ? IS NOT NULL} keeps both parameters in use. */
    @Override
    public String deleteSomeOfMonth(String table, String monthColumn) {
        return "DELETE FROM " + table + " WHERE " + monthColumn + " = ? AND CAST(? AS INTEGER) IS NOT NULL";
    }

    @Override
    public Map<String, String> schemaPlaceholders() {
        return Map.of("table_type", "", "binary_64k", "VARBINARY(65536)");
    }

    /** The SQL standard's folding. */
    @Override
    public String storedIdentifier(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }
}
