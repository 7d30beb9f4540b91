package org.codecred.staging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Owner of {@code codecred.rendering_npi} (DDL in the migrations, {@code db/migration}): the month's
 * rendering NPIs, each with its line count and first and last service date. Staged with one grouped
 * pass over the month's claim lines right after the load ({@link #stage}); validateCoding's slices,
 * checkCredentials' unrostered NPIs and the summary's Unrostered sheet read it instead of grouping
 * the month's lines once each.
 */
public final class RenderingNpiTable {

    private final JdbcTemplate jdbc;
    private final ClaimLineTable lines;

    public RenderingNpiTable(JdbcTemplate jdbc, ClaimLineTable lines) {
        this.jdbc = jdbc;
        this.lines = lines;
    }

    /**
     * Replaces the month's list with one grouped pass over its staged claim lines (which may live in
     * the staging engine, hence no INSERT ... SELECT), and returns how many NPIs it holds. Delete and
     * insert run in the caller's transaction, so a rerun after a failure gives the same rows.
     */
    public int stage(YearMonth month) {
        jdbc.update("DELETE FROM codecred.rendering_npi WHERE month = ?", month.toString());
        List<ClaimLineTable.NpiActivity> activity = lines.activityByNpi(month);
        if (activity.isEmpty()) {
            return 0; // HSQLDB throws on an empty batch
        }
        jdbc.batchUpdate("INSERT INTO codecred.rendering_npi (month, rendering_npi, lines, first_service, last_service)"
                + " VALUES (?, ?, ?, ?, ?)", activity, 1000, (ps, a) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, a.npi());
                    ps.setLong(3, a.lines());
                    ps.setDate(4, ClaimLineTable.sqlDate(a.firstDate()));
                    ps.setDate(5, ClaimLineTable.sqlDate(a.lastDate()));
                });
        return activity.size();
    }

    /** Every rendering NPI of the month's lines, in NPI order (Java string order, the same on every database). */
    public List<String> npis(YearMonth month) {
        List<String> npis = new ArrayList<>(jdbc.queryForList(
                "SELECT rendering_npi FROM codecred.rendering_npi WHERE month = ?", String.class, month.toString()));
        npis.sort(null);
        return npis;
    }

    /**
     * Every rendering NPI of the month with its number of counted lines, in NPI order (Java string
     * order): what a reader needs to cut the month into slices of about equal lines.
     */
    public java.util.SortedMap<String, Long> lineCounts(YearMonth month) {
        java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT rendering_npi, lines FROM codecred.rendering_npi WHERE month = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)),
                month.toString());
        return counts;
    }

    /**
     * Rendering NPIs billing in the month that are not among {@code roster} (the month's rostered
     * NPIs, from {@link ProviderTable#npis}), in NPI order. The roster is subtracted here, not with a
     * NOT EXISTS: the list is a few thousand rows, the roster a set in memory.
     */
    public List<ClaimLineTable.NpiActivity> unrostered(YearMonth month, Set<String> roster) {
        return jdbc.query("SELECT rendering_npi, lines, first_service, last_service FROM codecred.rendering_npi"
                                + " WHERE month = ?",
                        (rs, i) -> new ClaimLineTable.NpiActivity(rs.getString(1), rs.getLong(2),
                                ClaimLineTable.localDate(rs.getDate(3)), ClaimLineTable.localDate(rs.getDate(4))), month.toString())
                .stream().filter(a -> !roster.contains(a.npi()))
                .sorted(Comparator.comparing(ClaimLineTable.NpiActivity::npi)).toList();
    }
}
