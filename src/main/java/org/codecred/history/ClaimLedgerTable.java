package org.codecred.history;

import org.codecred.domain.ClaimContent;
import org.codecred.domain.ClaimLine;
import org.codecred.ingest.EarlierClaims;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * codecred.history_claim_ledger: the claim lines each completed month counted — billing NPI (or
 * the rendering NPI when the file named no billing provider), claim id, line number and a content
 * digest ({@link ClaimContent}, member id as a keyed hash), no member data. A later month asks it
 * which claims its replacements and voids adjust.
 */
public final class ClaimLedgerTable implements EarlierClaims {

    private final JdbcTemplate jdbc;

    public ClaimLedgerTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the month's ledger rows, {@code batch} at a time, each batch committed by {@code apart}: a
     * month's ledger is one row per counted line (five million at 5,000,000 lines), more than one
     * HSQLDB transaction holds in a 1 GB heap.
     */
    void delete(YearMonth month, int batch, java.util.function.Consumer<Runnable> apart) {
        String sql = org.codecred.database.Dialect.of(jdbc.getDataSource())
                .deleteSomeOfMonth("codecred.history_claim_ledger", "history_month");
        int[] deleted = {0};
        do {
            apart.accept(() -> deleted[0] = jdbc.update(sql, month.toString(), batch));
        } while (deleted[0] > 0);
    }

    /** One ledger row: a counted line without member data. */
    record Entry(String billingKey, String claimId, int lineNo, long contentDigest) {

        /** The line's row: its content digest taken with the member's keyed hash instead of the member id. */
        static Entry of(ClaimLine line, String memberHash) {
            return new Entry(line.billingKey(), line.claimId(), line.lineNo(), ClaimContent.digest(line, memberHash));
        }
    }

    /** One batch of the month's counted lines (in claim order, the order of the primary key after the month, is fastest). */
    int insert(YearMonth month, List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        String m = month.toString();
        jdbc.batchUpdate("INSERT INTO codecred.history_claim_ledger (history_month, billing_npi, claim_id, line_no,"
                        + " content_digest) VALUES (?, ?, ?, ?, ?)", entries, entries.size(), (ps, e) -> {
                    ps.setString(1, m);
                    ps.setString(2, e.billingKey());
                    ps.setString(3, e.claimId());
                    ps.setInt(4, e.lineNo());
                    ps.setLong(5, e.contentDigest());
                });
        return entries.size();
    }

    /**
     * A month's ledger commits in batches before its other history rows: only a month whose completion
     * row exists has its whole ledger (a killed recording leaves part of one, replaced by the rerun).
     */
    private static final String COMPLETED = " AND history_month IN (SELECT history_month FROM codecred.history_run)";

    /** One probe of the primary key by (month, billing key, claim id). */
    @Override
    public boolean counted(String billingKey, String claimId, YearMonth month) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.history_claim_ledger"
                + " WHERE history_month = ? AND billing_npi = ? AND claim_id = ?" + COMPLETED, Integer.class,
                month.toString(), billingKey, claimId);
        return n != null && n > 0;
    }

    /**
     * The ledger's only index is its primary key, led by the month (V7): this goes through the completed
     * months before {@code month} (as many as the retention keeps) and probes each by month, billing key
     * and claim id. A second index by claim would answer it in one probe, but cost every row of every
     * month its upkeep, for the few replacements and voids a month looks up.
     */
    @Override
    public Optional<YearMonth> latestBefore(String billingKey, String claimId, YearMonth month) {
        return jdbc.queryForList("SELECT MAX(r.history_month) FROM codecred.history_run r WHERE r.history_month < ?"
                                + " AND EXISTS (SELECT 1 FROM codecred.history_claim_ledger l WHERE l.history_month = r.history_month"
                                + " AND l.billing_npi = ? AND l.claim_id = ?)", String.class,
                        month.toString(), billingKey, claimId).stream()
                .filter(m -> m != null).findFirst().map(m -> YearMonth.parse(m.trim()));
    }

    /** How many ledger rows a month has (for the record and the figures in docs/history.md). */
    public long rows(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM codecred.history_claim_ledger WHERE history_month = ?",
                Long.class, month.toString());
        return n == null ? 0 : n;
    }

    /** Whether the ledger holds any line (its digests are taken over member hashes made with the history key). */
    boolean holdsHashes() {
        return !jdbc.queryForList("SELECT 1 FROM codecred.history_claim_ledger LIMIT 1", Integer.class).isEmpty();
    }
}
