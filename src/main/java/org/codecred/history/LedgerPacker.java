package org.codecred.history;

import org.springframework.dao.DuplicateKeyException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Packs a month's counted lines, as they come in claim order, into {@link LedgerBlock}s: a block is
 * closed when it is full or when the billing key changes (a billing key's lines come together).
 * Blocks are numbered per billing key from 0; should a billing key come back later, its numbers go
 * on. A line counted twice (the same claim, line number and digest), which the ledger's key of one
 * row per line refused before blocks, is refused here: in claim order its copies come one after
 * the other.
 */
final class LedgerPacker {

    private final Consumer<LedgerBlock> closed;
    private final Map<String, Integer> nextBlockNo = new HashMap<>();
    private LedgerBlock.Encoder block;
    private String billingKey;
    /** The claim and line number of the previous line, and the digests seen with them. */
    private String claimId;
    private int lineNo;
    private final java.util.List<Long> digests = new java.util.ArrayList<>(2);

    /** @param closed takes each block as it is closed */
    LedgerPacker(Consumer<LedgerBlock> closed) {
        this.closed = closed;
    }

    void add(ClaimLedgerTable.Entry entry) {
        if (!entry.billingKey().equals(billingKey)) {
            close();
            billingKey = entry.billingKey();
            claimId = null;
        }
        if (entry.claimId().equals(claimId) && entry.lineNo() == lineNo) {
            if (digests.contains(entry.contentDigest())) {
                throw new DuplicateKeyException("the claim ledger would hold line " + entry.lineNo()
                        + " of a claim of billing key " + entry.billingKey() + " twice");
            }
        } else {
            claimId = entry.claimId();
            lineNo = entry.lineNo();
            digests.clear();
        }
        digests.add(entry.contentDigest());
        if (block == null) {
            block = new LedgerBlock.Encoder();
        }
        block.add(new LedgerBlock.Line(entry.claimId(), entry.lineNo(), entry.contentDigest()));
        if (block.full()) {
            close();
        }
    }

    /** Closes the last block. */
    void finish() {
        close();
    }

    private void close() {
        if (block == null) {
            return;
        }
        int blockNo = nextBlockNo.merge(billingKey, 1, Integer::sum) - 1;
        closed.accept(block.block(billingKey, blockNo));
        block = null;
    }

    /**
     * The closed blocks gathered until they hold about {@code lines} lines: the writers (recordHistory,
     * migration V9) insert and commit them a batch at a time.
     */
    static final class Batches implements Consumer<LedgerBlock> {
        private final int lines;
        private final java.util.List<LedgerBlock> blocks = new java.util.ArrayList<>();
        private long pending;

        Batches(int lines) {
            this.lines = lines;
        }

        @Override
        public void accept(LedgerBlock block) {
            blocks.add(block);
            pending += block.lineCount();
        }

        /** Whether the gathered blocks hold a batch's lines. */
        boolean due() {
            return pending >= lines;
        }

        /** The gathered blocks, handed over and forgotten. */
        java.util.List<LedgerBlock> take() {
            java.util.List<LedgerBlock> taken = java.util.List.copyOf(blocks);
            blocks.clear();
            pending = 0;
            return taken;
        }
    }
}
