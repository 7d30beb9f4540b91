package org.codecred.history;

import org.codecred.domain.ClaimContent;
import org.codecred.domain.ClaimLine;
import org.codecred.ingest.EarlierClaims;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * codecred.history_claim_ledger_block: the claim lines each completed month counted — billing NPI (or
 * the rendering NPI when the file named no billing provider), claim id, line number and a content
 * digest ({@link ClaimContent}, member id as a keyed hash), no member data. A later month asks it
 * which claims its replacements and voids adjust. Since V9 a row is a block of up to
 * {@link LedgerBlock#MAX_LINES} lines of one billing key ({@link LedgerBlock}), not one line:
 * HSQLDB's cost is per row (docs/history.md, the claim ledger).
 */
public final class ClaimLedgerTable implements EarlierClaims {

    static final String TABLE = "codecred.history_claim_ledger_block";

    private final JdbcTemplate jdbc;

    public ClaimLedgerTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the month's ledger blocks, {@code batch} blocks at a time, each batch committed by
     * {@code apart}: a month of five million lines is about 20,000 blocks of a few KB each, more than one
     * HSQLDB transaction should hold in a 1 GB heap.
     */
    void delete(YearMonth month, int batch, java.util.function.Consumer<Runnable> apart) {
        String sql = org.codecred.database.Dialect.of(jdbc.getDataSource()).deleteSomeOfMonth(TABLE, "history_month");
        int[] deleted = {0};
        do {
            apart.accept(() -> deleted[0] = jdbc.update(sql, month.toString(), batch));
        } while (deleted[0] > 0);
    }

    /** One counted line without member data, as the recording reads it (packed into blocks by {@link LedgerPacker}). */
    record Entry(String billingKey, String claimId, int lineNo, long contentDigest) {

        /** The line's entry: its content digest taken with the member's keyed hash instead of the member id. */
        static Entry of(ClaimLine line, String memberHash) {
            return new Entry(line.billingKey(), line.claimId(), line.lineNo(), ClaimContent.digest(line, memberHash));
        }
    }

    /** One batch of the month's blocks; returns the lines they hold. */
    long insertBlocks(YearMonth month, List<LedgerBlock> blocks) {
        if (blocks.isEmpty()) {
            return 0;
        }
        String m = month.toString();
        jdbc.batchUpdate("INSERT INTO " + TABLE + " (history_month, billing_npi, block_no, first_claim, last_claim,"
                + " line_count, entries) VALUES (?, ?, ?, ?, ?, ?, ?)", blocks, blocks.size(), (ps, b) -> {
                    ps.setString(1, m);
                    ps.setString(2, b.billingKey());
                    ps.setInt(3, b.blockNo());
                    ps.setString(4, b.firstClaim());
                    ps.setString(5, b.lastClaim());
                    ps.setInt(6, b.lineCount());
                    ps.setBytes(7, b.entries());
                });
        return blocks.stream().mapToLong(LedgerBlock::lineCount).sum();
    }

    /** All of a month's lines at once, in claim order (tests, small months): packed and inserted in one batch. */
    int insert(YearMonth month, List<Entry> entries) {
        List<LedgerBlock> blocks = new ArrayList<>();
        LedgerPacker packer = new LedgerPacker(blocks::add);
        entries.forEach(packer::add);
        packer.finish();
        return (int) insertBlocks(month, blocks);
    }

    /**
     * A month's ledger commits in batches before its other history rows: only a month whose completion
     * row exists has its whole ledger (a killed recording leaves part of one, replaced by the rerun).
     */
    private static final String COMPLETED = " AND history_month IN (SELECT history_month FROM codecred.history_run)";

    /**
     * Reads the blocks of (month, billing key), by the primary key's first two columns, and decodes
     * those whose claim range covers the claim id (compared here, in Java: the database's collation
     * is not Java's). A billing key of 100,000 lines a month is about 400 blocks per probe.
     */
    @Override
    public boolean counted(String billingKey, String claimId, YearMonth month) {
        return holds(month, billingKey, claimId, COMPLETED);
    }

    private boolean holds(YearMonth month, String billingKey, String claimId, String condition) {
        Boolean found = jdbc.query("SELECT first_claim, last_claim, entries FROM " + TABLE
                + " WHERE history_month = ? AND billing_npi = ?" + condition, rs -> {
                    while (rs.next()) {
                        if (LedgerBlock.mayHold(rs.getString(1), rs.getString(2), claimId)
                                && LedgerBlock.holds(rs.getBytes(3), claimId)) {
                            return true;
                        }
                    }
                    return false;
                }, month.toString(), billingKey);
        return Boolean.TRUE.equals(found);
    }

    /**
     * The ledger's only index is its primary key, led by the month: this goes through the completed
     * months before {@code month} (as many as the retention keeps), newest first, and looks in each
     * as {@link #counted} does. A second index by claim would answer it in one probe, but the blocks
     * are by billing key, and its upkeep would be paid by every month for the few replacements and
     * voids a month looks up.
     */
    @Override
    public Optional<YearMonth> latestBefore(String billingKey, String claimId, YearMonth month) {
        List<String> completed = jdbc.queryForList("SELECT history_month FROM codecred.history_run"
                + " WHERE history_month < ? ORDER BY history_month DESC", String.class, month.toString());
        for (String m : completed) {
            YearMonth earlier = YearMonth.parse(m.trim());
            if (holds(earlier, billingKey, claimId, "")) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }

    /** How many lines a month's ledger holds (for the record and the figures in docs/history.md). */
    public long rows(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(line_count), 0) FROM " + TABLE + " WHERE history_month = ?",
                Long.class, month.toString());
        return n == null ? 0 : n;
    }

    /** How many blocks a month's ledger is (for the figures in docs/history.md). */
    public long blocks(YearMonth month) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE history_month = ?", Long.class,
                month.toString());
        return n == null ? 0 : n;
    }

    /** Every line of a month's ledger, completed or not, by billing key in block order (tests, the migration's check). */
    List<Entry> entries(YearMonth month) {
        List<Entry> entries = new ArrayList<>();
        jdbc.query("SELECT billing_npi, block_no, first_claim, last_claim, line_count, entries FROM " + TABLE
                + " WHERE history_month = ? ORDER BY billing_npi, block_no", rs -> {
                    LedgerBlock block = new LedgerBlock(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getBytes(6));
                    for (LedgerBlock.Line line : block.lines()) {
                        entries.add(new Entry(block.billingKey(), line.claimId(), line.lineNo(), line.contentDigest()));
                    }
                }, month.toString());
        return entries;
    }

    /** Whether the ledger holds any line (its digests are taken over member hashes made with the history key). */
    boolean holdsHashes() {
        return !jdbc.queryForList("SELECT 1 FROM " + TABLE + " LIMIT 1", Integer.class).isEmpty();
    }
}
