package org.codecred.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The physical lines of a UTF-8 text file, each decoded on its own: a byte that is not UTF-8 spoils
 * only its own line (which is then flagged, with the byte's position), never the file, and a line
 * longer than {@link #MAX_LINE_BYTES} is cut and flagged instead of filling the heap. A line ends at
 * LF; a CR before it is dropped (CRLF files). A UTF-8 byte-order mark at the start is skipped.
 */
public final class InputLines implements Closeable {

    /** Longest line read whole: 1 MiB. A claim line is a few hundred bytes. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /** One line: its text, and why it cannot be read (null when it can). */
    public record Line(String text, String problem) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long bytesRead;
    private boolean atStart = true;
    private byte[] line = new byte[256];
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    public InputLines(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far (for a percent-done figure). */
    public long bytesRead() {
        return bytesRead - (limit - position);
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        int length = 0;
        long total = 0;
        boolean any = false;
        int high = 0; // any byte at or above 0x80 makes it negative: the line is not plain ASCII
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            // the line's bytes in this buffer, found in one pass and copied in one call
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                high |= buffer[end];
                end++;
            }
            int kept = Math.min(end - start, MAX_LINE_BYTES - length);
            if (kept > 0) {
                if (length + kept > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + kept)));
                }
                System.arraycopy(buffer, start, line, length, kept);
                length += kept;
            }
            total += end - start;
            position = end;
            if (end < limit) {
                position++; // the line end
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r' && total == length) {
            length--;
        }
        int start = 0;
        if (atStart) {
            atStart = false;
            if (length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                start = 3;
                high = -1; // the mark's bytes were counted: let the decoder look at the rest
            }
        }
        if (total > MAX_LINE_BYTES) {
            return new Line(lenient(start, length), "the line is " + total + " bytes long, more than the "
                    + MAX_LINE_BYTES + " bytes a line may have");
        }
        if (high >= 0) {
            return new Line(new String(line, start, length - start, StandardCharsets.ISO_8859_1), null);
        }
        return decode(start, length);
    }

    private Line decode(int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new Line(new String(line, start, end - start, StandardCharsets.ISO_8859_1), null);
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(line, start, end - start));
            return new Line(chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(lenient(start, end), "the line is not UTF-8 text (byte " + (firstBadByte(start, end) + 1)
                    + " of the line cannot be read as UTF-8; save the file as UTF-8)");
        }
    }

    /** The line with unreadable bytes shown as U+FFFD, for rejected.csv. */
    private String lenient(int start, int end) {
        return new String(line, start, end - start, StandardCharsets.UTF_8);
    }

    /** Position in the line of the first byte the decoder cannot read. */
    private int firstBadByte(int start, int end) {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        CoderResult result = strict.reset().decode(bytes, CharBuffer.allocate(end - start), true);
        return result.isError() ? bytes.position() - start : end - start - 1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        bytesRead += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
