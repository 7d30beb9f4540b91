package org.codecred.verdict;

import org.codecred.database.KeyList;
import org.codecred.domain.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Types;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owner of {@code codecred.provider_verdict} (DDL in the migrations, {@code db/migration}): the
 * verdict per rostered provider, written once by decideVerdicts and read by every output. No other
 * class touches the table.
 */
public final class VerdictTable {

    private static final int BATCH = 1000;

    private static final String COLUMNS = "npi, verdict, reasons, lines, coding_errors, coding_accuracy, errors,"
            + " warnings, infos";

    private static final RowMapper<ProviderVerdict> ROW_MAPPER = (rs, i) -> new ProviderVerdict(rs.getString(1),
            Verdict.valueOf(rs.getString(2).trim()), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getObject(6, Double.class), rs.getLong(7), rs.getLong(8), rs.getLong(9));

    private final JdbcTemplate jdbc;

    public VerdictTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void delete(YearMonth month) {
        jdbc.update("DELETE FROM codecred.provider_verdict WHERE month = ?", month.toString());
    }

    public void insert(YearMonth month, List<ProviderVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO codecred.provider_verdict (month, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                verdicts, BATCH, (ps, v) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, v.npi());
                    ps.setString(3, v.verdict().name());
                    ps.setString(4, truncate(v.reasons(), 4000));
                    ps.setLong(5, v.lines());
                    ps.setLong(6, v.codingErrors());
                    ps.setObject(7, v.codingAccuracy(), Types.DOUBLE);
                    ps.setLong(8, v.errors());
                    ps.setLong(9, v.warnings());
                    ps.setLong(10, v.infos());
                });
    }

    /** How many providers got each verdict this month (every verdict listed, 0 when none). */
    public Map<Verdict, Long> countByVerdict(YearMonth month) {
        Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0L);
        }
        jdbc.query("SELECT verdict, COUNT(*) FROM codecred.provider_verdict WHERE month = ? GROUP BY verdict",
                (RowCallbackHandler) rs -> counts.put(Verdict.valueOf(rs.getString(1)), rs.getLong(2)), month.toString());
        return counts;
    }

    /** One provider's verdict, if decideVerdicts has decided it. */
    public Optional<ProviderVerdict> find(YearMonth month, String npi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider_verdict WHERE month = ? AND npi = ?",
                ROW_MAPPER, month.toString(), npi).stream().findFirst();
    }

    /** The verdicts of several providers by NPI, in one query (a provider without one has no entry). */
    public Map<String, ProviderVerdict> ofProviders(YearMonth month, Collection<String> npis) {
        Map<String, ProviderVerdict> verdicts = new HashMap<>();
        KeyList.rowsByKey(jdbc, "SELECT " + COLUMNS + " FROM codecred.provider_verdict", "month", "npi", null, month, npis,
                ROW_MAPPER, ProviderVerdict::npi).forEach((npi, rows) -> verdicts.put(npi, rows.get(0)));
        return verdicts;
    }

    /** Every verdict of the month by NPI. */
    public Map<String, ProviderVerdict> allByNpi(YearMonth month) {
        Map<String, ProviderVerdict> verdicts = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM codecred.provider_verdict WHERE month = ?",
                (RowCallbackHandler) rs -> {
                    ProviderVerdict v = ROW_MAPPER.mapRow(rs, 0);
                    verdicts.put(v.npi(), v);
                }, month.toString());
        return verdicts;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
