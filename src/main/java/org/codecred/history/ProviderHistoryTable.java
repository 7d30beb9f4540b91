package org.codecred.history;

import org.codecred.database.KeyList;
import org.codecred.domain.Verdict;
import org.codecred.verdict.ProviderVerdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Types;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * codecred.history_provider: per completed month and rostered provider, the verdict, the lines,
 * the coding accuracy and the findings by severity, copied from the month's provider_verdict.
 */
public final class ProviderHistoryTable {


    /** One provider's month as history keeps it. */
    public record ProviderMonth(YearMonth month, String npi, Verdict verdict, int lines, Double codingAccuracy,
                                int errors, int warnings, int infos) {
    }

    private final JdbcTemplate jdbc;

    public ProviderHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.history_provider WHERE history_month = ?", month.toString());
    }

    /** Keeps the month's verdicts; returns the rows written. */
    int insert(YearMonth month, Collection<ProviderVerdict> verdicts) {
        jdbc.batchUpdate("INSERT INTO codecred.history_provider (history_month, npi, verdict, lines, coding_accuracy,"
                        + " errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", verdicts, 1000, (ps, v) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, v.npi());
                    ps.setString(3, v.verdict().name());
                    ps.setLong(4, v.lines());
                    ps.setObject(5, v.codingAccuracy(), Types.DOUBLE);
                    ps.setLong(6, v.errors());
                    ps.setLong(7, v.warnings());
                    ps.setLong(8, v.infos());
                });
        return verdicts.size();
    }

    /** Every provider's verdict in {@code month}. */
    public Map<String, Verdict> verdicts(YearMonth month) {
        Map<String, Verdict> verdicts = new HashMap<>();
        jdbc.query("SELECT npi, verdict FROM codecred.history_provider WHERE history_month = ?",
                (RowCallbackHandler) rs -> verdicts.put(rs.getString(1), verdictOf(month.toString(), rs.getString(1), rs.getString(2))), month.toString());
        return verdicts;
    }

    /** One provider's months from {@code from} to before {@code to}, oldest first. */
    public List<ProviderMonth> ofProvider(String npi, YearMonth from, YearMonth to) {
        return jdbc.query("SELECT history_month, npi, verdict, lines, coding_accuracy, errors, warnings, infos"
                        + " FROM codecred.history_provider WHERE npi = ? AND history_month >= ? AND history_month < ?"
                        + " ORDER BY history_month",
                (rs, i) -> new ProviderMonth(HistoryRunTable.monthOf(TABLE, rs.getString(1)), rs.getString(2), verdictOf(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getInt(4), rs.getObject(5, Double.class), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                npi, from.toString(), to.toString());
    }

    /**
     * Several providers' rows of one month by NPI, in one query (a provider not on that month's roster
     * has no entry): {@link #ofProvider} a month at a time, found by the month's key.
     */
    public Map<String, ProviderMonth> ofMonth(YearMonth month, Collection<String> npis) {
        Map<String, ProviderMonth> rows = new HashMap<>();
        KeyList.rowsByKey(jdbc, "SELECT history_month, npi, verdict, lines, coding_accuracy, errors, warnings, infos"
                        + " FROM codecred.history_provider", "history_month", "npi", null, month, npis,
                (rs, i) -> new ProviderMonth(HistoryRunTable.monthOf(TABLE, rs.getString(1)), rs.getString(2),
                        verdictOf(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getInt(4),
                        rs.getObject(5, Double.class), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                ProviderMonth::npi).forEach((npi, months) -> rows.put(npi, months.get(0)));
        return rows;
    }

    /**
     * Stops with the first row of a month before {@code month} that cannot be read back: a verdict
     * none of {@link Verdict}'s values (an edited or damaged row) or a month not written YYYY-MM.
     */
    void checkReadable(YearMonth month) {
        String known = String.join(", ", java.util.Collections.nCopies(Verdict.values().length, "?"));
        List<Object> args = new java.util.ArrayList<>(List.of(month.toString()));
        for (Verdict v : Verdict.values()) {
            args.add(v.name());
        }
        jdbc.query("SELECT history_month, npi, verdict FROM codecred.history_provider WHERE history_month < ?"
                        + " AND TRIM(verdict) NOT IN (" + known + ") ORDER BY history_month, npi LIMIT 1",
                (RowCallbackHandler) rs -> verdictOf(rs.getString(1), rs.getString(2), rs.getString(3)), args.toArray());
        for (String m : jdbc.queryForList("SELECT DISTINCT history_month FROM codecred.history_provider", String.class)) {
            HistoryRunTable.monthOf(TABLE, m);
        }
    }

    private static final String TABLE = "codecred.history_provider";

    private static Verdict verdictOf(String month, String npi, String verdict) {
        String value = verdict == null ? "" : verdict.trim();
        for (Verdict v : Verdict.values()) {
            if (v.name().equals(value)) {
                return v;
            }
        }
        throw new HistoryIntegrityException("the history row " + TABLE + " (history_month=" + month.trim() + ", npi="
                + npi.trim() + ") cannot be read: its verdict '" + value + "' is none of "
                + java.util.Arrays.toString(Verdict.values()) + "; run --month=" + month.trim()
                + " --force to rewrite that month's history");
    }
}
