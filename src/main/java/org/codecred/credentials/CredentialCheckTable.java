package org.codecred.credentials;

import org.codecred.database.KeyList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Owner of {@code codecred.credential_check} (DDL in the migrations, {@code db/migration}): one
 * row per check per rostered provider, written by checkCredentials and read by the dossier's
 * Credentials sheet. No other class touches the table.
 */
public final class CredentialCheckTable {

    private static final String COLUMNS = "npi, seq, check_name, result, detail, source, source_date";

    private final JdbcTemplate jdbc;

    public CredentialCheckTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the month's check rows (an earlier attempt of the step), so a rerun never doubles them. */
    public void clear(YearMonth month) {
        jdbc.update("DELETE FROM codecred.credential_check WHERE month = ?", month.toString());
    }

    /** Inserts checks numbering them per provider in the given order (seq 1, 2, ...). */
    public void insert(YearMonth month, List<CredentialCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        Map<String, Integer> seq = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(checks.size());
        for (CredentialCheck c : checks) {
            int n = seq.merge(c.npi(), 1, Integer::sum);
            rows.add(new Object[]{month.toString(), c.npi(), n, c.check(), c.result().label(), truncate(c.detail(), 1000),
                    truncate(c.source(), 255), c.sourceDate() == null ? null : java.sql.Date.valueOf(c.sourceDate())});
        }
        jdbc.batchUpdate("INSERT INTO codecred.credential_check (month, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows, new int[]{Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE});
    }

    /** One provider's checks in display order. */
    public List<CredentialCheck> ofProvider(YearMonth month, String npi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.credential_check WHERE month = ? AND npi = ? ORDER BY seq",
                (rs, i) -> new CredentialCheck(rs.getString(1), rs.getString(3), CheckResult.ofLabel(rs.getString(4).trim()), rs.getString(5),
                        rs.getString(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()), month.toString(), npi);
    }

    /** A row of {@link #COLUMNS} as the check it records. */
    private static final RowMapper<CredentialCheck> ROW_MAPPER = (rs, i) -> new CredentialCheck(rs.getString(1),
            rs.getString(3), CheckResult.ofLabel(rs.getString(4).trim()), rs.getString(5), rs.getString(6),
            rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate());

    /** Several providers' checks by NPI, each in display order, in one query (a provider without any has no entry). */
    public Map<String, List<CredentialCheck>> ofProviders(YearMonth month, Collection<String> npis) {
        return KeyList.rowsByKey(jdbc, "SELECT " + COLUMNS + " FROM codecred.credential_check", "month", "npi",
                "npi, seq", month, npis, ROW_MAPPER, CredentialCheck::npi);
    }


    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
