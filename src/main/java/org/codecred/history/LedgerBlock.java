package org.codecred.history;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the claim ledger: up to {@link #MAX_LINES} counted lines of one billing key of one month,
 * their claim ids, line numbers and content digests packed into {@link #entries} (the billing key is
 * the row's). {@code firstClaim} and {@code lastClaim} are the least and greatest claim id of the
 * block by {@link String#compareTo}, taken from its own entries: the staging engine, Java and
 * PostgreSQL order claim ids differently, so the blocks of a billing key may overlap in range, which
 * only means a lookup decodes one block more.
 *
 * <p>The encoding, after a format byte: per line, the number of UTF-16 units its claim id shares with
 * the previous line's (lines come in claim order, so a claim's second line shares all of it and
 * neighbouring claims most of it), the number of units that follow and each of them, the line number,
 * then the digest's 8 bytes. Numbers are unsigned LEB128 varints (the line number zigzag-coded),
 * each unit too: an ASCII claim id costs a byte a character, any other Java string (supplementary
 * characters as their surrogate pairs, even a lone surrogate) comes back unit for unit. A typical
 * line takes about 12 bytes instead of a row of about 45.
 */
record LedgerBlock(String billingKey, int blockNo, String firstClaim, String lastClaim, int lineCount, byte[] entries) {

    /** Lines per block. See docs/history.md (the claim ledger) for the measurement behind it. */
    static final int MAX_LINES = 256;
    /**
     * A block is also closed once its entries reach this many bytes, so that a block of the longest
     * claim ids (128 UTF-16 units of up to 3 bytes each) stays under the column's bound.
     */
    static final int MAX_BYTES = 32 * 1024;
    /** The column's bound (V9): {@link #MAX_BYTES} plus one more line of the longest claim id. */
    static final int COLUMN_BYTES = 65_536;

    private static final int FORMAT = 1;

    /** One counted line of a block: the billing key is the block's. */
    record Line(String claimId, int lineNo, long contentDigest) {
    }

    /** The block's lines, as they were packed. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>(lineCount);
        Decoder decoder = new Decoder(entries);
        while (decoder.hasNext()) {
            lines.add(decoder.next());
        }
        return lines;
    }

    /** Whether the block may hold lines of {@code claimId}: its range covers it by {@link String#compareTo}. */
    boolean mayHold(String claimId) {
        return mayHold(firstClaim, lastClaim, claimId);
    }

    /** Whether a block of this claim range may hold lines of {@code claimId} (the lookups' test, before decoding). */
    static boolean mayHold(String firstClaim, String lastClaim, String claimId) {
        return firstClaim.compareTo(claimId) <= 0 && lastClaim.compareTo(claimId) >= 0;
    }

    /** Whether encoded {@code entries} hold a line of {@code claimId}. */
    static boolean holds(byte[] entries, String claimId) {
        Decoder decoder = new Decoder(entries);
        while (decoder.hasNext()) {
            if (decoder.next().claimId().equals(claimId)) {
                return true;
            }
        }
        return false;
    }

    /** Packs lines of one billing key into one block. */
    static final class Encoder {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        private String previous = "";
        private String first;
        private String last;
        private int count;

        Encoder() {
            bytes.write(FORMAT);
        }

        void add(Line line) {
            String id = line.claimId();
            int shared = shared(previous, id);
            writeVarint(shared);
            writeVarint(id.length() - shared);
            for (int i = shared; i < id.length(); i++) {
                writeVarint(id.charAt(i));
            }
            writeVarint((line.lineNo() << 1) ^ (line.lineNo() >> 31));
            long digest = line.contentDigest();
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes.write((int) (digest >>> shift));
            }
            if (first == null || id.compareTo(first) < 0) {
                first = id;
            }
            if (last == null || id.compareTo(last) > 0) {
                last = id;
            }
            previous = id;
            count++;
        }

        int lines() {
            return count;
        }

        int size() {
            return bytes.size();
        }

        /** Whether the block is full: {@link #MAX_LINES} lines or {@link #MAX_BYTES} bytes. */
        boolean full() {
            return count >= MAX_LINES || bytes.size() >= MAX_BYTES;
        }

        LedgerBlock block(String billingKey, int blockNo) {
            if (count == 0) {
                throw new IllegalStateException("a ledger block holds at least one line");
            }
            return new LedgerBlock(billingKey, blockNo, first, last, count, bytes.toByteArray());
        }

        private static int shared(String a, String b) {
            int max = Math.min(a.length(), b.length());
            int i = 0;
            while (i < max && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }

        private void writeVarint(int value) {
            while ((value & ~0x7F) != 0) {
                bytes.write((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes.write(value);
        }
    }

    /** Reads encoded entries line by line. */
    static final class Decoder {

        private final byte[] in;
        private int at;
        private char[] claim = new char[64];
        private int claimLength;

        Decoder(byte[] entries) {
            if (entries.length == 0 || entries[0] != FORMAT) {
                throw new IllegalStateException("a claim ledger block of an unknown format");
            }
            this.in = entries;
            this.at = 1;
        }

        boolean hasNext() {
            return at < in.length;
        }

        Line next() {
            int shared = readVarint();
            int added = readVarint();
            claimLength = shared + added;
            if (claim.length < claimLength) {
                claim = java.util.Arrays.copyOf(claim, Math.max(claimLength, claim.length * 2));
            }
            for (int i = shared; i < claimLength; i++) {
                claim[i] = (char) readVarint();
            }
            int zigzag = readVarint();
            int lineNo = (zigzag >>> 1) ^ -(zigzag & 1);
            long digest = 0;
            for (int i = 0; i < 8; i++) {
                digest = (digest << 8) | (in[at++] & 0xFF);
            }
            return new Line(new String(claim, 0, claimLength), lineNo, digest);
        }

        private int readVarint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = in[at++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }
}
