package org.codecred.database;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.sql.SQLException;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} for a staging table's bulk rows: several times the rate of
 * batched INSERTs. It runs on the chunk's own connection, inside the chunk's transaction, so a killed
 * load resumes from its last commit exactly as with INSERTs. Rows are written as CSV (COPY's CSV
 * form): every text value quoted, an unquoted empty field is NULL.
 */
public final class PostgresCopy {

    private final StringBuilder rows = new StringBuilder();
    private boolean rowStarted;

    public PostgresCopy text(String value) {
        separate();
        if (value != null) {
            rows.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"') {
                    rows.append('"');
                }
                rows.append(ch);
            }
            rows.append('"');
        }
        return this;
    }

    /** A number, date or boolean in its SQL literal form; null is NULL. */
    public PostgresCopy plain(Object value) {
        separate();
        if (value != null) {
            rows.append(value);
        }
        return this;
    }

    public PostgresCopy endRow() {
        rows.append('\n');
        rowStarted = false;
        return this;
    }

    /** Sends the rows: {@code COPY table (columns) FROM STDIN (FORMAT csv)}. */
    public long copyInto(JdbcTemplate jdbc, String table, String columns) {
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)";
        Long copied = jdbc.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
            }
        });
        return copied == null ? 0 : copied;
    }

    private void separate() {
        if (rowStarted) {
            rows.append(',');
        }
        rowStarted = true;
    }
}
