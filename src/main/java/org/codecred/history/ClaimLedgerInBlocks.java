package org.codecred.history;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Migration V9 (issue 27): the claim ledger in blocks. Creates {@code history_claim_ledger_block}
 * (one row per block of up to {@link LedgerBlock#MAX_LINES} lines of one billing key, {@link LedgerBlock}),
 * packs the lines of the former {@code history_claim_ledger} (one row per line) into it month by month
 * and billing key by billing key, through the packer recordHistory uses, and drops the former table.
 * Every month's lines are kept, completed or not: which months count is still history_run's say.
 *
 * <p>A ledger holds millions of lines (24 months of the retention), more than one HSQLDB transaction
 * should hold, so this runs outside Flyway's transaction and commits every {@link #BATCH_LINES} lines.
 * Killed halfway, it has no entry in Flyway's history and runs again from the start: the table is
 * created if missing and each month's blocks are cleared before it is packed; the former table
 * goes last, and a run that finds it gone has nothing to pack.
 */
public final class ClaimLedgerInBlocks extends CommittingMigration {

    private static final String FORMER = "codecred.history_claim_ledger";
    private static final int BATCH_LINES = 20_000;
    private static final int DELETE_BLOCKS = 1_000;

    public ClaimLedgerInBlocks() {
        super("9", "claim ledger in blocks");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        Map<String, String> placeholders = context.getConfiguration().getPlaceholders();
        jdbc.execute("CREATE " + placeholders.getOrDefault("table_type", "") + " TABLE IF NOT EXISTS "
                + ClaimLedgerTable.TABLE + " ("
                + " history_month CHAR(7) NOT NULL,"
                + " billing_npi CHAR(10) NOT NULL,"
                + " block_no INTEGER NOT NULL,"
                + " first_claim VARCHAR(128) NOT NULL,"
                + " last_claim VARCHAR(128) NOT NULL,"
                + " line_count INTEGER NOT NULL,"
                + " entries " + placeholders.getOrDefault("binary_64k", "VARBINARY(" + LedgerBlock.COLUMN_BYTES + ")")
                + " NOT NULL,"
                + " PRIMARY KEY (history_month, billing_npi, block_no))");
        commit(connection);
        if (tableExists(jdbc, "history_claim_ledger")) {
            ClaimLedgerTable ledger = new ClaimLedgerTable(jdbc);
            for (String month : jdbc.queryForList("SELECT DISTINCT history_month FROM " + FORMER + " ORDER BY 1",
                    String.class)) {
                pack(jdbc, ledger, YearMonth.parse(month.trim()), connection);
            }
            jdbc.execute("DROP TABLE " + FORMER);
            commit(connection);
        }
    }

    /** One month of the former ledger into blocks, a billing key's lines in key order. */
    private static void pack(JdbcTemplate jdbc, ClaimLedgerTable ledger, YearMonth month, Connection connection) {
        ledger.delete(month, DELETE_BLOCKS, work -> {
            work.run();
            commit(connection);
        });
        LedgerPacker.Batches batches = new LedgerPacker.Batches(BATCH_LINES);
        LedgerPacker packer = new LedgerPacker(batches);
        for (String billingKey : jdbc.queryForList("SELECT DISTINCT billing_npi FROM " + FORMER
                + " WHERE history_month = ? ORDER BY 1", String.class, month.toString())) {
            // one billing key at a time, by the former primary key: a month's lines at once would be held whole
            jdbc.query("SELECT claim_id, line_no, content_digest FROM " + FORMER + " WHERE history_month = ?"
                    + " AND billing_npi = ? ORDER BY claim_id, line_no, content_digest", rs -> {
                        packer.add(new ClaimLedgerTable.Entry(billingKey, rs.getString(1), rs.getInt(2), rs.getLong(3)));
                    }, month.toString(), billingKey);
            if (batches.due()) {
                insert(ledger, month, batches.take(), connection);
            }
        }
        packer.finish();
        insert(ledger, month, batches.take(), connection);
    }

    private static void insert(ClaimLedgerTable ledger, YearMonth month, List<LedgerBlock> blocks, Connection connection) {
        ledger.insertBlocks(month, blocks);
        commit(connection);
    }

    private static void commit(Connection connection) {
        commit(connection, "the claim ledger's blocks");
    }
}
