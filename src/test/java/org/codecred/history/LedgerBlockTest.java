package org.codecred.history;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim ledger's block encoding: every line comes back as packed, whatever its claim id, and a
 * block's claim range is its own entries' least and greatest by String.compareTo.
 */
class LedgerBlockTest {

    private static final String BILLING = "1900000001";

    @Test
    void linesComeBackAsPackedUnitForUnit() {
        List<LedgerBlock.Line> lines = List.of(
                new LedgerBlock.Line("C1", 1, 11L),
                new LedgerBlock.Line("C1", 2, Long.MIN_VALUE),
                new LedgerBlock.Line("C10", 1, -1L),
                new LedgerBlock.Line("Ω-ß-é", 0, Long.MAX_VALUE),
                // a supplementary character (two UTF-16 units) and one sharing only its high surrogate
                new LedgerBlock.Line("X\uD83D\uDE00Y", 3, 42L),
                new LedgerBlock.Line("X\uD83D\uDE01", 4, 43L),
                new LedgerBlock.Line("lone\uD800", -7, 0L),
                new LedgerBlock.Line("", Integer.MAX_VALUE, 5L),
                new LedgerBlock.Line("Z".repeat(128), Integer.MIN_VALUE, 6L),
                new LedgerBlock.Line("\uD83D\uDE00".repeat(64), 1, 7L),
                new LedgerBlock.Line("\uFFFF".repeat(128), 1, 8L));
        LedgerBlock block = encode(lines);

        assertThat(block.lines()).isEqualTo(lines);
        assertThat(block.lineCount()).isEqualTo(lines.size());
        assertThat(block.firstClaim()).isEqualTo("");
        assertThat(block.lastClaim()).isEqualTo("\uFFFF".repeat(128));
        assertThat(LedgerBlock.holds(block.entries(), "X\uD83D\uDE01")).isTrue();
        assertThat(LedgerBlock.holds(block.entries(), "X\uD83D")).isFalse();
        assertThat(LedgerBlock.holds(block.entries(), "C")).isFalse();
    }

    @Test
    void randomClaimIdsComeBack() {
        Random random = new Random(27);
        List<LedgerBlock.Line> lines = new ArrayList<>();
        for (int i = 0; i < LedgerBlock.MAX_LINES; i++) {
            StringBuilder id = new StringBuilder();
            for (int n = random.nextInt(129); id.length() < n; ) {
                id.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
            lines.add(new LedgerBlock.Line(id.substring(0, Math.min(id.length(), 128)), random.nextInt(), random.nextLong()));
        }
        LedgerBlock block = encode(lines);

        assertThat(block.lines()).isEqualTo(lines);
        assertThat(block.entries().length).as("under the column's bound").isLessThan(LedgerBlock.COLUMN_BYTES);
    }

    @Test
    void aBlockIsClosedWhenFullOrWhenTheBillingKeyChanges() {
        List<LedgerBlock> blocks = new ArrayList<>();
        LedgerPacker packer = new LedgerPacker(blocks::add);
        for (int i = 0; i < LedgerBlock.MAX_LINES + 10; i++) {
            packer.add(new ClaimLedgerTable.Entry(BILLING, String.format("C%05d", i), 1, i));
        }
        packer.add(new ClaimLedgerTable.Entry("1900000002", "C00001", 1, 1));
        packer.finish();

        assertThat(blocks).extracting(LedgerBlock::billingKey, LedgerBlock::blockNo, LedgerBlock::lineCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BILLING, 0, LedgerBlock.MAX_LINES),
                        org.assertj.core.groups.Tuple.tuple(BILLING, 1, 10),
                        org.assertj.core.groups.Tuple.tuple("1900000002", 0, 1));
        assertThat(blocks.get(1).firstClaim()).isEqualTo(String.format("C%05d", LedgerBlock.MAX_LINES));
        assertThat(blocks.get(1).lastClaim()).isEqualTo(String.format("C%05d", LedgerBlock.MAX_LINES + 9));
    }

    @Test
    void blocksOfLongClaimIdsAreClosedBeforeTheColumnsBound() {
        List<LedgerBlock> blocks = new ArrayList<>();
        LedgerPacker packer = new LedgerPacker(blocks::add);
        for (int i = 0; i < 2 * LedgerBlock.MAX_LINES; i++) {
            // nothing shared with the line before: each claim id costs its 128 units of 3 bytes
            packer.add(new ClaimLedgerTable.Entry(BILLING, (char) ('\u4E00' + i) + "\uFFFF".repeat(127), 1, i));
        }
        packer.finish();

        assertThat(blocks).hasSizeGreaterThan(2).allSatisfy(b -> assertThat(b.entries().length)
                .isLessThan(LedgerBlock.COLUMN_BYTES));
        assertThat(blocks.stream().mapToInt(LedgerBlock::lineCount).sum()).isEqualTo(2 * LedgerBlock.MAX_LINES);
    }

    @Test
    void theRangeIsByJavaOrderNotTheOrderTheLinesCameIn() {
        // an engine collating case-insensitively (or by code point) hands the claims in another order than Java's
        LedgerBlock block = encode(List.of(new LedgerBlock.Line("a1", 1, 1L), new LedgerBlock.Line("B2", 1, 2L),
                new LedgerBlock.Line("\uFB01x", 1, 3L), new LedgerBlock.Line("\uD83D\uDE00", 1, 4L), new LedgerBlock.Line("c3", 1, 5L)));

        assertThat(block.firstClaim()).isEqualTo("B2");
        // a supplementary character's high surrogate sorts below U+FB01 in UTF-16 order
        assertThat(block.lastClaim()).isEqualTo("\uFB01x");
        assertThat(block.mayHold("a1")).isTrue();
        assertThat(block.mayHold("A")).isFalse();
    }

    @Test
    void aLineCountedTwiceIsRefused() {
        LedgerPacker packer = new LedgerPacker(b -> { });
        packer.add(new ClaimLedgerTable.Entry(BILLING, "A1", 1, 5L));
        packer.add(new ClaimLedgerTable.Entry(BILLING, "A1", 1, 6L)); // same line, other content: kept, as the row key did
        packer.add(new ClaimLedgerTable.Entry(BILLING, "A1", 2, 5L));

        assertThatThrownBy(() -> packer.add(new ClaimLedgerTable.Entry(BILLING, "A1", 2, 5L)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static LedgerBlock encode(List<LedgerBlock.Line> lines) {
        LedgerBlock.Encoder encoder = new LedgerBlock.Encoder();
        lines.forEach(encoder::add);
        return encoder.block(BILLING, 0);
    }
}
