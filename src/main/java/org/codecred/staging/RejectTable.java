package org.codecred.staging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

/** Unreadable input rows; exported to rejected.csv ordered by file and line. */
public final class RejectTable {

    private final JdbcTemplate jdbc;

    public RejectTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(YearMonth month, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.rejected_row (month, source_file, line_number, reason, raw) VALUES (?, ?, ?, ?, ?)",
                rows, rows.size(), (ps, r) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, r.file());
                    ps.setLong(3, r.lineNumber());
                    ps.setString(4, r.reason());
                    ps.setString(5, r.raw());
                });
    }

    public long count(YearMonth month, String fileLike) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.rejected_row WHERE month = ? AND source_file LIKE ?",
                Long.class, month.toString(), fileLike);
        return n == null ? 0 : n;
    }

    /** The month's rejects whose reason starts with {@code prefix} (e.g. the exact resubmissions). */
    public long countReasonStarting(YearMonth month, String prefix) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.rejected_row WHERE month = ? AND reason LIKE ?",
                Long.class, month.toString(), prefix.replace("%", "") + "%");
        return n == null ? 0 : n;
    }

    /** Every reject in file-name then line order (file names compared in Java so every database agrees). */
    public void forEachInOrder(YearMonth month, Consumer<RejectedRow> sink) {
        List<String> files = jdbc.queryForList("SELECT DISTINCT source_file FROM codecred.rejected_row WHERE month = ?",
                String.class, month.toString()).stream().sorted().toList();
        for (String file : files) {
            jdbc.query("SELECT source_file, line_number, reason, raw FROM codecred.rejected_row"
                            + " WHERE month = ? AND source_file = ? ORDER BY line_number",
                    (RowCallbackHandler) rs -> sink.accept(
                            new RejectedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4))),
                    month.toString(), file);
        }
    }
}
