package org.codecred.sources;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code codecred.source_file} (a staging table): the published source files a month's checks used, one row each, in
 * the order they were read (written by step checkCredentials, read by the Sources sheets and
 * run-summary.json). A source published more than {@link #STALE_AFTER_DAYS} days before the month's
 * end is stale: the month was checked against old data.
 */
public final class SourceFileTable {

    public static final int STALE_AFTER_DAYS = 45;

    private final JdbcTemplate jdbc;

    public SourceFileTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the month's rows with {@code files} (a rerun of the step writes them again). */
    public void replace(YearMonth month, List<SourceFile> files) {
        jdbc.update("DELETE FROM codecred.source_file WHERE month = ?", month.toString());
        if (files.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(files.size());
        int seq = 0;
        for (SourceFile f : files) {
            rows.add(new Object[]{month.toString(), ++seq, truncate(f.kind(), 40), truncate(f.name(), 255),
                    f.date() == null ? null : java.sql.Date.valueOf(f.date()), f.rows() == null ? 0 : f.rows(), f.sha256()});
        }
        jdbc.batchUpdate("INSERT INTO codecred.source_file (month, seq, kind, file_name, published, row_count, sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows, new int[]{Types.CHAR, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.DATE, Types.BIGINT, Types.CHAR});
    }

    /** The month's source files in the order they were read. */
    public List<SourceFile> ofMonth(YearMonth month) {
        return jdbc.query("SELECT kind, file_name, published, row_count, sha256 FROM codecred.source_file"
                        + " WHERE month = ? ORDER BY seq",
                (rs, i) -> new SourceFile(rs.getString(1), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), "", rs.getLong(4), 0,
                        rs.getString(5).trim()),
                month.toString());
    }

    /**
     * One sentence per source published more than {@link #STALE_AFTER_DAYS} days before the month's
     * end. A CMS table's name carries the date it takes effect, and CMS replaces it every quarter: it
     * counts from the end of that quarter (the Q3 MUE file, effective July 1, is current through September);
     * a NUCC release from the end of its half year, an ICD-10-CM file from the end of its fiscal year
     * ({@link PublishedSources#currentThrough}).
     */
    public static List<String> staleWarnings(YearMonth month, List<SourceFile> files) {
        LocalDate end = month.atEndOfMonth();
        List<String> warnings = new ArrayList<>();
        for (SourceFile f : files) {
            if (f.date() == null) {
                continue;
            }
            LocalDate current = PublishedSources.currentThrough(f);
            long days = ChronoUnit.DAYS.between(current, end);
            if (days > STALE_AFTER_DAYS) {
                warnings.add(f.kind() + " file " + f.name() + " is dated " + f.date() + ", "
                        + ChronoUnit.DAYS.between(f.date(), end) + " days before the end of " + month
                        + " (more than " + STALE_AFTER_DAYS + (current.equals(f.date()) ? "" : f.kind().startsWith("CMS ")
                        ? " after its quarter" : " after its edition's period")
                        + "): download the current edition");
            }
        }
        return warnings;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
