package org.codecred.credentials;

import org.codecred.domain.RuleId;
import org.codecred.staging.ClaimLineTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staging rows of step checkCredentials: {@code codecred.credential_check} (one row per check per
 * rostered provider, read by the dossier's Credentials sheet) and the aggregates over the month's
 * claim lines that the rules need (one query each, never one per line).
 */
public final class CredentialCheckTable {

    /** The rules this step owns: their findings are replaced as a whole when the step runs again. */
    static final List<RuleId> RULES = List.of(RuleId.NPI_INVALID, RuleId.PROVIDER_NOT_ROSTERED, RuleId.LICENSE_EXPIRED,
            RuleId.LICENSE_EXPIRING, RuleId.EXCLUDED_OIG, RuleId.NPPES_MISMATCH, RuleId.TAXONOMY_LICENSE_MISMATCH,
            RuleId.EXCLUDED_SAM, RuleId.EXCLUSION_POSSIBLE, RuleId.EXCLUSION_PENDING, RuleId.NPI_DEACTIVATED,
            RuleId.TAXONOMY_INACTIVE, RuleId.MEDICARE_OPT_OUT);

    private static final String COLUMNS = "npi, seq, check_name, result, detail, source, source_date";

    private final JdbcTemplate jdbc;
    private final ClaimLineTable lines;

    public CredentialCheckTable(JdbcTemplate jdbc, ClaimLineTable lines) {
        this.jdbc = jdbc;
        this.lines = lines;
    }

    /** Removes what an earlier attempt of this step wrote for {@code month}, so a rerun never doubles anything. */
    public void clear(String month) {
        jdbc.update("DELETE FROM codecred.credential_check WHERE month = ?", month);
        for (RuleId rule : RULES) {
            jdbc.update("DELETE FROM codecred.finding WHERE month = ? AND rule_id = ?", month, rule.id());
        }
    }

    /** Inserts checks numbering them per provider in the given order (seq 1, 2, ...). */
    public void insert(String month, List<CredentialCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        Map<String, Integer> seq = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(checks.size());
        for (CredentialCheck c : checks) {
            int n = seq.merge(c.npi(), 1, Integer::sum);
            rows.add(new Object[]{month, c.npi(), n, c.check(), c.result().label(), truncate(c.detail(), 1000),
                    truncate(c.source(), 255), c.sourceDate() == null ? null : java.sql.Date.valueOf(c.sourceDate())});
        }
        jdbc.batchUpdate("INSERT INTO codecred.credential_check (month, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows, new int[]{Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE});
    }

    /** One provider's checks in display order. */
    public List<CredentialCheck> ofProvider(String month, String npi) {
        return jdbc.query("SELECT " + COLUMNS + " FROM codecred.credential_check WHERE month = ? AND npi = ? ORDER BY seq",
                (rs, i) -> new CredentialCheck(rs.getString(1), rs.getString(3), resultOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()), month, npi);
    }

    private static CheckResult resultOf(String label) {
        for (CheckResult r : CheckResult.values()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown check result " + label);
    }

    /** Rendering NPIs of the month's claim lines that are not on the roster, with their line counts and dates. */
    public List<UnrosteredRule.UnrosteredNpi> unrostered(String month) {
        return lines.unrostered(month).stream()
                .map(a -> new UnrosteredRule.UnrosteredNpi(a.npi(), a.lines(), a.firstDate(), a.lastDate())).toList();
    }

    /**
     * Per rostered provider whose license expires before the month's end, the claim lines dated
     * after the expiry: one indexed query per such provider, which are few.
     */
    public Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry(String month) {
        Map<String, LicenseRule.LinesAfterExpiry> byNpi = new LinkedHashMap<>();
        jdbc.query("SELECT npi, license_expires FROM codecred.provider WHERE month = ? AND license_expires IS NOT NULL"
                        + " AND license_expires < ? ORDER BY npi",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    ClaimLineTable.NpiActivity after = lines.linesAfter(month, rs.getString(1), rs.getDate(2).toLocalDate());
                    if (after != null) {
                        byNpi.put(after.npi(), new LicenseRule.LinesAfterExpiry(after.npi(), after.lines(),
                                after.firstDate(), after.lastDate()));
                    }
                }, month, java.sql.Date.valueOf(java.time.YearMonth.parse(month).atEndOfMonth()));
        return byNpi;
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
