package org.codecred.history;

import org.codecred.domain.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * codecred.history_provider: per completed month and rostered provider, the verdict, the lines,
 * the coding accuracy and the findings by severity, copied from the month's provider_verdict.
 */
public final class ProviderHistoryTable {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS codecred.history_provider (
                history_month   CHAR(7)          NOT NULL,
                npi             CHAR(10)         NOT NULL,
                verdict         VARCHAR(8)       NOT NULL,
                lines           INTEGER          NOT NULL,
                coding_accuracy DOUBLE PRECISION,
                errors          INTEGER          NOT NULL,
                warnings        INTEGER          NOT NULL,
                infos           INTEGER          NOT NULL,
                PRIMARY KEY (history_month, npi)
            )""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS history_provider_by_npi ON codecred.history_provider (npi, history_month)";

    /** One provider's month as history keeps it. */
    public record ProviderMonth(String month, String npi, Verdict verdict, int lines, Double codingAccuracy,
                                int errors, int warnings, int infos) {
    }

    private final JdbcTemplate jdbc;

    public ProviderHistoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.execute(DDL);
        jdbc.execute(INDEX);
    }

    void delete(String month) {
        jdbc.update("DELETE FROM codecred.history_provider WHERE history_month = ?", month);
    }

    /** Copies the month's verdicts in one statement; returns the rows written. */
    int copyFromVerdicts(String month) {
        return jdbc.update("INSERT INTO codecred.history_provider (history_month, npi, verdict, lines, coding_accuracy,"
                + " errors, warnings, infos) SELECT month, npi, verdict, lines, coding_accuracy, errors, warnings, infos"
                + " FROM codecred.provider_verdict WHERE month = ?", month);
    }

    /** Every provider's verdict in {@code month}. */
    public Map<String, Verdict> verdicts(String month) {
        Map<String, Verdict> verdicts = new HashMap<>();
        jdbc.query("SELECT npi, verdict FROM codecred.history_provider WHERE history_month = ?",
                (RowCallbackHandler) rs -> verdicts.put(rs.getString(1), Verdict.valueOf(rs.getString(2).trim())), month);
        return verdicts;
    }

    /** One provider's months from {@code from} to before {@code to}, oldest first. */
    public List<ProviderMonth> ofProvider(String npi, String from, String to) {
        return jdbc.query("SELECT history_month, npi, verdict, lines, coding_accuracy, errors, warnings, infos"
                        + " FROM codecred.history_provider WHERE npi = ? AND history_month >= ? AND history_month < ?"
                        + " ORDER BY history_month",
                (rs, i) -> new ProviderMonth(rs.getString(1), rs.getString(2), Verdict.valueOf(rs.getString(3).trim()),
                        rs.getInt(4), rs.getObject(5, Double.class), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
                npi, from, to);
    }
}
