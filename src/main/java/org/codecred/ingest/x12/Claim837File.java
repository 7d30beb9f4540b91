package org.codecred.ingest.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Streams one 837 file through StAEDI, from the start of an interchange, and hands back its items
 * in file order. StAEDI checks the envelope as X12 defines it (ISA/GS/ST/SE/GE/IEA structure,
 * control numbers that must match, segment and set counts, code values of the envelope);
 * {@link Claim837Mapper} follows the 837P loops.
 *
 * <p>Where it stands is (byte offset of the current interchange's ISA, segments before it, items
 * handed out since): enough to reopen the file there after a kill and skip what was already
 * committed. When StAEDI cannot tokenize a segment it cannot go on in that interchange: the open
 * transaction set is rejected and reading resumes at the next ISA of the file.
 */
final class Claim837File implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Claim837File.class);
    private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();
    /** ISA is fixed length: 106 characters with its terminator. */
    private static final int ISA_LENGTH = 106;

    private final Path path;
    private final String name;
    private final Deque<X12Item> queue = new ArrayDeque<>();
    private final Claim837Mapper mapper;

    private FileChannel channel;
    private CountingStream counter;
    private EDIStreamReader reader;
    private long readerOffset;
    private long readerBase;
    private Character terminator;

    private long interchangeOffset;
    private long interchangeBase;
    private long handedOut;

    private Segment segment;
    private boolean keepElements;
    private long lastSegmentNumber;
    private String envelopeProblem;
    /** The open set's ST and the last SE read: a file that ends right after an SE keeps that set. */
    private Segment lastSt;
    private Segment lastSe;
    private Character componentSeparator;
    private String lastTag;

    /**
     * @param offset      byte offset of an ISA (0 for the file's start)
     * @param segmentBase segments in the file before that offset
     */
    Claim837File(Path path, long offset, long segmentBase) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.mapper = new Claim837Mapper(name, queue);
        this.interchangeOffset = offset;
        this.interchangeBase = segmentBase;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            if (offset == 0 && startsWithByteOrderMark(channel)) {
                offset = 3; // some Windows exports put a UTF-8 mark before the ISA; X12 itself has none
                this.interchangeOffset = offset;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
        openAt(offset, segmentBase);
    }

    private static boolean startsWithByteOrderMark(FileChannel channel) throws IOException {
        java.nio.ByteBuffer start = java.nio.ByteBuffer.allocate(3);
        channel.read(start, 0);
        return start.position() == 3 && (start.get(0) & 0xFF) == 0xEF && (start.get(1) & 0xFF) == 0xBB
                && (start.get(2) & 0xFF) == 0xBF;
    }

    /** The next item, or null at the end of the file. */
    X12Item next() {
        while (queue.isEmpty() && reader != null) {
            pull();
        }
        X12Item item = queue.poll();
        if (item != null) {
            handedOut++;
        }
        return item;
    }

    long interchangeOffset() {
        return interchangeOffset;
    }

    long interchangeBase() {
        return interchangeBase;
    }

    /** Items handed out since the current interchange began. */
    long handedOut() {
        return handedOut;
    }

    /** Bytes of the file read so far, for the progress figure. */
    long bytesRead() {
        return counter == null ? 0 : readerOffset + counter.count;
    }

    private void openAt(long offset, long base) {
        closeReader();
        try {
            channel.position(offset);
            counter = new CountingStream(Channels.newInputStream(channel));
            // Latin-1: one character per byte, so StAEDI's character offsets are byte offsets
            reader = FACTORY.createEDIStreamReader(counter, "ISO-8859-1");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
        readerOffset = offset;
        readerBase = base;
        segment = null;
    }

    /** Reads StAEDI events until an item is queued or a boundary passes. */
    private void pull() {
        EDIStreamEvent event;
        try {
            if (!reader.hasNext()) {
                endOfFile();
                return;
            }
            event = reader.next();
        } catch (Exception e) {
            unreadable(e);
            return;
        }
        Location at = reader.getLocation();
        switch (event) {
            case START_INTERCHANGE -> {
                // all items of earlier interchanges are out (the queue was empty): a restart may begin here
                interchangeOffset = readerOffset + at.getCharacterOffset() - ISA_LENGTH;
                interchangeBase = readerBase + Math.max(0, at.getSegmentPosition());
                handedOut = 0;
            }
            case START_SEGMENT -> {
                segment = new Segment(reader.getText(), readerBase + at.getSegmentPosition());
                keepElements = isRead(segment.tag);
            }
            case ELEMENT_DATA -> {
                if (keepElements && segment != null && at.getElementOccurrence() <= 1) {
                    segment.put(at.getElementPosition(), at.getComponentPosition(), reader.getText());
                }
            }
            case END_SEGMENT -> endSegment();
            case END_TRANSACTION -> mapper.endTransaction(lastSegmentNumber);
            case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> validationError(at);
            default -> {
                // groups and composites need nothing here
            }
        }
    }

    /**
     * Whether the mapping or rejected.csv uses a segment's elements; addresses, contacts and other
     * references are not copied out (REF is: REF*F8 names the claim a replacement or void adjusts).
     */
    private static boolean isRead(String tag) {
        return switch (tag) {
            case "N3", "N4", "PER", "PAT", "NTE", "PRV", "SBR", "CAS", "AMT", "LIN", "CTP", "K3", "PWK", "CN1",
                 "CR1", "CRC", "OI", "MOA", "SVD" -> false;
            default -> true;
        };
    }

    private void endSegment() {
        Segment s = segment;
        segment = null;
        if (s == null) {
            return;
        }
        lastSegmentNumber = s.number;
        lastTag = s.tag;
        if (s.tag.equals("ISA")) {
            terminator = reader.getDelimiters().get(EDIStreamConstants.Delimiters.SEGMENT);
            componentSeparator = reader.getDelimiters().get(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT);
        } else if (s.tag.equals("GS")) {
            mapper.groupVersion(s.element(8));
        } else if (s.tag.equals("ST")) {
            lastSt = s;
        } else if (s.tag.equals("SE")) {
            lastSe = s;
        }
        String cut = s.tag.equals("ISA") ? null : s.simpleElementInComponents();
        if (cut != null && (mapper.inTransaction() || s.tag.equals("ST"))) {
            // never a member id silently cut at the separator: the set is rejected saying so
            mapper.problem(s.number, cut + ": holds the component separator '" + componentSeparator + "' inside a"
                    + " simple element (segment " + s.number + "); X12 allows it only between the parts of a composite"
                    + " element, so the value cannot be read whole", s);
        }
        if (mapper.inTransaction() || s.tag.equals("ST")) {
            mapper.segment(s);
        }
        if (envelopeProblem != null) {
            queue.add(new X12Item.Unreadable(name, s.number, envelopeProblem, Claim837Mapper.shown(s)));
            envelopeProblem = null;
        }
    }

    private void validationError(Location at) {
        EDIStreamValidationError error = reader.getErrorType();
        long number = readerBase + at.getSegmentPosition();
        String tag = at.getSegmentTag() == null ? "?" : at.getSegmentTag();
        String where = at.getElementPosition() > 0 ? tag + String.format("%02d", at.getElementPosition()) : tag;
        String reason = where + ": " + describe(error) + " (segment " + number + ")";
        boolean transactionPart = mapper.inTransaction() || tag.equals("ST") || tag.equals("SE");
        if (transactionPart) {
            mapper.problem(number, reason, segment);
        } else if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT
                || error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            // a group or interchange count or number that does not match: something may be missing upstream
            envelopeProblem = reason + "; the transaction sets present in it were read";
        } else {
            // the envelope's own fields (sender names, dates): nothing of a claim is lost, so it is only logged
            log.warn("{}: {}", name, reason);
        }
    }

    /** StAEDI stopped: reject what is open, skip to the next ISA. */
    private void unreadable(Exception e) {
        if (endsWithoutTrailers()) {
            return;
        }
        Location at = reader.getLocation();
        long failed = readerBase + Math.max(0, at.getSegmentPosition()) + 1;
        long errorOffset = readerOffset + Math.max(0, at.getCharacterOffset());
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int input = cause.indexOf("; input:");
        if (input > 0) {
            cause = cause.substring(0, input); // the offending input may be patient data
        }
        // StAEDI counts positions from where it started reading; the file's segment number is ours
        cause = cause.replaceAll(" at position \\d+", "").trim();
        mapper.abandon(failed, "a segment cannot be split into elements (StAEDI: " + cause + ") (segment " + failed
                + "); the rest of its interchange, up to the next ISA, is skipped");
        long[] next = nextInterchange(errorOffset);
        if (next == null) {
            closeReader();
        } else {
            openAt(next[0], failed - 1 + next[1]);
        }
    }

    /**
     * The file ends where StAEDI expected GE/IEA (a transfer cut short after the last set, or a
     * sender that never writes them): a set closed by a matching SE is kept, like every set before
     * it, and one row in rejected.csv warns that the trailers are missing (docs/x12.md).
     */
    private boolean endsWithoutTrailers() {
        if (!restIsBlank()) {
            return false;
        }
        if (mapper.inTransaction()) {
            if (lastSe == null || lastSe.number != lastSegmentNumber || !closes(lastSe, lastSt)) {
                return false;
            }
            mapper.endTransaction(lastSe.number);
        }
        String missing = "GE".equals(lastTag) ? "IEA trailer" : "GE and IEA trailers";
        log.warn("{}: the file ends after segment {} without its {}; its complete transaction sets were read",
                name, lastSegmentNumber, missing);
        queue.add(new X12Item.Unreadable(name, lastSegmentNumber, "the file ends after segment " + lastSegmentNumber
                + " without its " + missing + " (cut short after the last transaction set?); the complete"
                + " transaction sets were read", ""));
        closeReader();
        return true;
    }

    /** Whether SE closes the set ST opened: same control number, and SE01 counts the segments from ST to SE. */
    private static boolean closes(Segment se, Segment st) {
        if (st == null || !se.element(2).equals(st.element(2))) {
            return false;
        }
        try {
            return Long.parseLong(se.element(1)) == se.number - st.number + 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether nothing but white space follows what StAEDI has read of the file. */
    private boolean restIsBlank() {
        try (FileChannel scan = FileChannel.open(path, StandardOpenOption.READ)) {
            scan.position(bytesRead());
            InputStream in = new BufferedInputStream(Channels.newInputStream(scan), 1 << 12);
            int b;
            while ((b = in.read()) >= 0) {
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void endOfFile() {
        if (mapper.inTransaction()) {
            mapper.abandon(lastSegmentNumber + 1, "the file ends inside a transaction set (no SE)");
        }
        closeReader();
    }

    /**
     * The byte offset of the next ISA that starts a segment (after a terminator or a line end) after
     * {@code from}, and how many segment terminators lie before it (the segments skipped), or null
     * when there is none.
     */
    private long[] nextInterchange(long from) {
        char end = terminator == null ? '~' : terminator;
        long start = Math.max(from, readerOffset + 1); // always move on, even when the ISA itself failed
        try (FileChannel scan = FileChannel.open(path, StandardOpenOption.READ)) {
            scan.position(start);
            InputStream in = new BufferedInputStream(Channels.newInputStream(scan), 1 << 16);
            long offset = start;
            long terminators = 0;
            boolean segmentStart = false;
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (segmentStart && b == "ISA".charAt(matched)) {
                    if (++matched == 3) {
                        return new long[]{offset - 2, terminators};
                    }
                    offset++;
                    continue;
                }
                if (matched > 0) {
                    matched = 0;
                    segmentStart = false;
                }
                if (b == end || b == '\n') {
                    terminators += b == end ? 1 : 0;
                    segmentStart = true;
                } else if (!Character.isWhitespace(b)) {
                    segmentStart = false;
                }
                offset++;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // nothing was written: closing a reader cannot lose data
            }
            reader = null;
        }
    }

    @Override
    public void close() {
        closeReader();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** StAEDI's validation codes in an auditor's words. */
    static String describe(EDIStreamValidationError error) {
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "the count does not match the segments or sets actually present";
            case CONTROL_REFERENCE_MISMATCH -> "the control number does not match the one of the opening segment";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "segment occurs more often than the standard allows (a set or group not closed?)";
            case MANDATORY_SEGMENT_MISSING -> "a mandatory segment is missing";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET, UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_PROPER_SEQUENCE ->
                    "segment is not where the standard allows it";
            case UNRECOGNIZED_SEGMENT_ID -> "unknown segment id";
            case REQUIRED_DATA_ELEMENT_MISSING -> "a required element is missing";
            case DATA_ELEMENT_TOO_LONG -> "element is longer than the standard allows";
            case DATA_ELEMENT_TOO_SHORT -> "element is shorter than the standard allows";
            case INVALID_CODE_VALUE -> "element holds a code the standard does not define";
            case INVALID_CHARACTER_DATA -> "element holds characters the standard does not allow";
            case INVALID_DATE -> "element is not a valid date";
            case INVALID_TIME -> "element is not a valid time";
            case TOO_MANY_DATA_ELEMENTS -> "segment has more elements than the standard defines";
            case TOO_MANY_COMPONENTS -> "element has more components than the standard defines";
            case TOO_MANY_REPETITIONS -> "element repeats more often than the standard allows";
            default -> error.name().toLowerCase().replace('_', ' ');
        };
    }

    /**
     * Buffers the file and counts the bytes handed to StAEDI. StAEDI reads one byte at a time and
     * wraps any stream without mark/reset in a BufferedInputStream, whose synchronized read was the
     * largest single cost of reading an 837: this one supports mark/reset itself, with plain array
     * reads.
     */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private int markPosition = -1;
        private int markLimit;
        private long markCount;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            count++;
            return buffer[position++] & 0xFF;
        }

        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, into, off, n);
            position += n;
            count += n;
            return n;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            if (buffer.length - position < readLimit) {
                byte[] larger = new byte[Math.max(buffer.length, readLimit + (limit - position))];
                System.arraycopy(buffer, position, larger, 0, limit - position);
                limit -= position;
                position = 0;
                buffer = larger;
            }
            markPosition = position;
            markLimit = readLimit;
            markCount = count;
        }

        @Override
        public void reset() throws IOException {
            if (markPosition < 0) {
                throw new IOException("reset without mark");
            }
            position = markPosition;
            count = markCount;
        }

        /** More bytes after {@code limit}; the marked bytes are kept. */
        private boolean fill() throws IOException {
            if (markPosition >= 0 && position - markPosition > markLimit) {
                markPosition = -1; // read past the limit: the mark is no longer kept
            }
            if (markPosition < 0) {
                position = 0;
                limit = 0;
            } else if (limit == buffer.length) {
                int keep = limit - markPosition;
                byte[] target = keep == buffer.length ? new byte[buffer.length * 2] : buffer;
                System.arraycopy(buffer, markPosition, target, 0, keep);
                buffer = target;
                position -= markPosition;
                limit = keep;
                markPosition = 0;
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n <= 0) {
                return false;
            }
            limit += n;
            return true;
        }

        @Override
        public void close() {
            // the file's channel outlives one StAEDI reader (a skip to the next ISA reopens on it)
        }
    }
}
