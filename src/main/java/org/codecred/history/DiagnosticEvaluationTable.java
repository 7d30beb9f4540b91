package org.codecred.history;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * codecred.history_diag_eval: every psychiatric diagnostic evaluation (90791, 90792) of a completed
 * month — provider, member as a keyed hash ({@link MemberKey}), code, date — for the cross-month rule
 * DIAG-EVAL-REPEATED. The raw member id is never stored here.
 */
public final class DiagnosticEvaluationTable {

    /** The codes recorded: the psychiatric diagnostic evaluations without and with medical services. */
    public static final List<String> CODES = List.of("90791", "90792");

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS codecred.history_diag_eval (
                history_month CHAR(7)   NOT NULL,
                npi           CHAR(10)  NOT NULL,
                member_hash   CHAR(64)  NOT NULL,
                procedure_code CHAR(5)  NOT NULL,
                service_date  DATE      NOT NULL,
                PRIMARY KEY (history_month, npi, member_hash, procedure_code, service_date)
            )""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS history_diag_eval_by_provider"
            + " ON codecred.history_diag_eval (npi, member_hash, service_date)";

    /** One earlier evaluation as history holds it. */
    public record Evaluation(String month, String npi, String memberHash, String code, LocalDate date) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    public DiagnosticEvaluationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create() {
        jdbc.execute(DDL);
        jdbc.execute(INDEX);
    }

    void delete(String month) {
        jdbc.update("DELETE FROM codecred.history_diag_eval WHERE history_month = ?", month);
    }

    /**
     * Records the month's evaluations from its staged claim lines, each (provider, member, code, date)
     * once, the member hashed with {@code key}; returns the rows written.
     */
    int copyFromClaimLines(String month, MemberKey key) {
        List<Object[]> rows = new ArrayList<>();
        int[] written = {0};
        jdbc.query("SELECT DISTINCT rendering_npi, member_id, procedure_code, service_date FROM codecred.claim_line"
                        + " WHERE month = ? AND procedure_code IN ('90791', '90792')",
                (RowCallbackHandler) rs -> {
                    rows.add(new Object[] {month, rs.getString(1), key.hash(rs.getString(2)), rs.getString(3),
                            rs.getDate(4)});
                    if (rows.size() == BATCH) {
                        written[0] += insert(rows);
                    }
                }, month);
        written[0] += insert(rows);
        return written[0];
    }

    private int insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // two raw ids can hash alike only by a SHA-256 collision; DISTINCT above keeps the key unique
        jdbc.batchUpdate("INSERT INTO codecred.history_diag_eval (history_month, npi, member_hash, procedure_code,"
                + " service_date) VALUES (?, ?, ?, ?, ?)", rows);
        int n = rows.size();
        rows.clear();
        return n;
    }

    /**
     * One provider's evaluations in completed months from {@code fromMonth} to before {@code toMonth},
     * dated on or after {@code since}, by member hash, oldest first.
     */
    public Map<String, List<Evaluation>> ofProvider(String npi, String fromMonth, String toMonth, LocalDate since) {
        Map<String, List<Evaluation>> byMember = new HashMap<>();
        jdbc.query("SELECT history_month, npi, member_hash, procedure_code, service_date FROM codecred.history_diag_eval"
                        + " WHERE npi = ? AND history_month >= ? AND history_month < ? AND service_date >= ?"
                        + " ORDER BY service_date",
                (RowCallbackHandler) rs -> byMember.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                        .add(new Evaluation(rs.getString(1), rs.getString(2).trim(), rs.getString(3),
                                rs.getString(4).trim(), rs.getDate(5).toLocalDate())),
                npi, fromMonth, toMonth, Date.valueOf(since));
        return byMember;
    }

    public long count(String month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.history_diag_eval WHERE history_month = ?",
                Long.class, month);
        return n == null ? 0 : n;
    }
}
