package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * codecred.history_run: one row per completed month, written last in the month's history
 * transaction. A month is "completed" for comparisons exactly when it has this row.
 */
public final class HistoryRunTable {


    /** A completed month: when its history was recorded, how many providers and lines it had. */
    public record Run(YearMonth month, LocalDateTime recordedAt, int providers, long lines) {
    }

    private final JdbcTemplate jdbc;

    public HistoryRunTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.history_run WHERE history_month = ?", month.toString());
    }

    void insert(YearMonth month, LocalDateTime recordedAt, int providers, long lines) {
        jdbc.update("INSERT INTO codecred.history_run (history_month, recorded_at, providers, lines) VALUES (?, ?, ?, ?)",
                month.toString(), Timestamp.valueOf(recordedAt), providers, lines);
    }

    /** The latest completed month before {@code month} (months may be run out of order). */
    public Optional<YearMonth> latestBefore(YearMonth month) {
        return jdbc.queryForList("SELECT MAX(history_month) FROM codecred.history_run WHERE history_month < ?",
                String.class, month.toString()).stream().filter(m -> m != null).findFirst().map(m -> monthOf(TABLE, m));
    }

    /** Up to {@code limit} completed months before {@code month}, newest first. */
    public List<YearMonth> before(YearMonth month, int limit) {
        return jdbc.queryForList("SELECT history_month FROM codecred.history_run WHERE history_month < ?"
                        + " ORDER BY history_month DESC", String.class, month.toString()).stream()
                .limit(limit).map(m -> monthOf(TABLE, m)).toList();
    }

    public List<Run> all() {
        return jdbc.query("SELECT history_month, recorded_at, providers, lines FROM codecred.history_run ORDER BY history_month",
                (rs, i) -> new Run(monthOf(TABLE, rs.getString(1)), rs.getTimestamp(2).toLocalDateTime(),
                        rs.getInt(3), rs.getLong(4)));
    }

    public boolean completed(YearMonth month) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.history_run WHERE history_month = ?",
                Integer.class, month.toString());
        return n != null && n > 0;
    }

    /** The newest completed month, if any. */
    Optional<YearMonth> newest() {
        return jdbc.queryForList("SELECT MAX(history_month) FROM codecred.history_run", String.class).stream()
                .filter(m -> m != null).findFirst().map(m -> monthOf(TABLE, m));
    }

    /** Months older than {@code oldestKept}, which retention drops. */
    List<YearMonth> olderThan(YearMonth oldestKept) {
        return jdbc.queryForList("SELECT history_month FROM codecred.history_run WHERE history_month < ?",
                String.class, oldestKept.toString()).stream().map(m -> YearMonth.parse(m.trim())).toList();
    }

    private static final String TABLE = "codecred.history_run";

    /** Stops with the first completed month not written YYYY-MM. */
    void checkReadable() {
        for (String m : jdbc.queryForList("SELECT history_month FROM codecred.history_run", String.class)) {
            monthOf(TABLE, m);
        }
    }

    /** A history_month as written (YYYY-MM), or a one-line failure naming the table and the row. */
    static YearMonth monthOf(String table, String month) {
        String value = month == null ? "" : month.trim();
        if (value.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return YearMonth.parse(value);
        }
        throw new HistoryIntegrityException("the history rows " + table + " (history_month='" + value + "') cannot be"
                + " read: '" + value + "' is not a month YYYY-MM; delete them (DELETE FROM " + table
                + " WHERE history_month = '" + value + "') and run the month they were meant for with --force");
    }
}
