package org.codecred.history;

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
                (RowCallbackHandler) rs -> verdicts.put(rs.getString(1), Verdict.valueOf(rs.getString(2).trim())), month.toString());
        return verdicts;
    }

    /** One provider's months from {@code from} to before {@code to}, oldest first. */
    public List<ProviderMonth> ofProvider(String npi, YearMonth from, YearMonth to) {
        return jdbc.query("SELECT history_month, npi, verdict, lines, coding_accuracy, errors, warnings, infos"
                        + " FROM codecred.history_provider WHERE npi = ? AND history_month >= ? AND history_month < ?"
                        + " ORDER BY history_month",
                (rs, i) -> new ProviderMonth(YearMonth.parse(rs.getString(1).trim()), rs.getString(2), Verdict.valueOf(rs.getString(3).trim()),
                        rs.getInt(4), rs.getObject(5, Double.class), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                npi, from.toString(), to.toString());
    }
}
