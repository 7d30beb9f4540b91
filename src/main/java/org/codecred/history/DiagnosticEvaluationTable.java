package org.codecred.history;

import org.codecred.staging.ClaimLineTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * codecred.history_diag_eval: every psychiatric diagnostic evaluation (90791, 90792) and every base
 * code of a psychological or neuropsychological testing evaluation (96130, 96132, 96136, 96138) of a
 * completed month — provider, member as a keyed hash ({@link MemberKey}), code, date — for the
 * cross-month rules: DIAG-EVAL-REPEATED, and a testing add-on whose base code was billed at the end of
 * the month before (ADDON-WITHOUT-PRIMARY). The raw member id is never stored here.
 */
public final class DiagnosticEvaluationTable {

    /** One earlier evaluation as history holds it. */
    public record Evaluation(YearMonth month, String npi, String memberHash, String code, LocalDate date) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    public DiagnosticEvaluationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.history_diag_eval WHERE history_month = ?", month.toString());
    }

    /**
     * Keeps the month's evaluations, each member replaced by its keyed hash; returns the rows written.
     * Written in the order of the table's indexes (provider, member hash, ...), so each row lands
     * beside the one before instead of at a random place of the index.
     */
    int insert(YearMonth month, List<ClaimLineTable.CodedService> evaluations, MemberKey key) {
        List<Evaluation> rows = new ArrayList<>(evaluations.size());
        for (ClaimLineTable.CodedService e : evaluations) {
            rows.add(new Evaluation(month, e.npi(), key.hash(e.memberId()), e.code(), e.date()));
        }
        rows.sort(java.util.Comparator.comparing(Evaluation::npi).thenComparing(Evaluation::memberHash)
                .thenComparing(Evaluation::code).thenComparing(Evaluation::date));
        jdbc.batchUpdate("INSERT INTO codecred.history_diag_eval (history_month, npi, member_hash, procedure_code,"
                + " service_date) VALUES (?, ?, ?, ?, ?)", rows, BATCH, (ps, e) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, e.npi());
                    ps.setString(3, e.memberHash());
                    ps.setString(4, e.code());
                    ps.setDate(5, Date.valueOf(e.date()));
                });
        return rows.size();
    }

    /**
     * One provider's evaluations in completed months from {@code fromMonth} to before {@code toMonth},
     * dated on or after {@code since}, by member hash, oldest first.
     */
    public Map<String, List<Evaluation>> ofProvider(String npi, YearMonth fromMonth, YearMonth toMonth, LocalDate since) {
        Map<String, List<Evaluation>> byMember = new HashMap<>();
        jdbc.query("SELECT history_month, npi, member_hash, procedure_code, service_date FROM codecred.history_diag_eval"
                        + " WHERE npi = ? AND history_month >= ? AND history_month < ? AND service_date >= ?"
                        + " ORDER BY service_date",
                (RowCallbackHandler) rs -> byMember.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                        .add(new Evaluation(YearMonth.parse(rs.getString(1).trim()), rs.getString(2).trim(), rs.getString(3),
                                rs.getString(4).trim(), rs.getDate(5).toLocalDate())),
                npi, fromMonth.toString(), toMonth.toString(), Date.valueOf(since));
        return byMember;
    }

    /**
     * The evaluations of the providers from {@code fromNpi} on (included), in completed months before
     * {@code toMonth}, in NPI order: at most {@code limit} rows, so a reader walking providers in NPI
     * order asks once for many providers instead of once per provider. The order is the by-provider
     * index's (NPI, member, date), so the database stops after {@code limit} rows instead of sorting
     * the rest of the table.
     */
    public List<Evaluation> fromProvider(String fromNpi, YearMonth toMonth, int limit) {
        return jdbc.query("SELECT history_month, npi, member_hash, procedure_code, service_date FROM codecred.history_diag_eval"
                        + " WHERE npi >= ? AND history_month < ? ORDER BY npi, member_hash, service_date LIMIT ?",
                (rs, i) -> new Evaluation(YearMonth.parse(rs.getString(1).trim()), rs.getString(2).trim(), rs.getString(3),
                        rs.getString(4).trim(), rs.getDate(5).toLocalDate()),
                fromNpi, toMonth.toString(), limit);
    }

    public long count(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.history_diag_eval WHERE history_month = ?",
                Long.class, month.toString());
        return n == null ? 0 : n;
    }

    /** Whether history holds any member hash at all (made with the key whose fingerprint history_key keeps). */
    boolean holdsHashes() {
        return !jdbc.queryForList("SELECT 1 FROM codecred.history_diag_eval LIMIT 1", Integer.class).isEmpty();
    }
}
