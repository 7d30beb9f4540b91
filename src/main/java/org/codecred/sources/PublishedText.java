package org.codecred.sources;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one text-decoding policy for every published file (OIG LEIE, SAM, opt-out, NPPES, NUCC, the CMS
 * tables, the ICD-10-CM order file), as its publisher saved it: UTF-8
 * when every byte of the file is UTF-8 (a leading byte-order mark skipped, so it cannot hide the
 * quote of a quoted first header cell), else Windows-1252, as older releases and files saved from
 * Excel come. Reading Windows-1252 as UTF-8 would turn "MUÑOZ" into "MU?OZ", and a name that never
 * matches the roster.
 */
public final class PublishedText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PublishedText() {
    }

    /** A file whose bytes can be read more than once (a file on disk, an entry of a zip). */
    @FunctionalInterface
    public interface Bytes {
        InputStream open() throws IOException;
    }

    /** The file's text in its encoding, the byte-order mark skipped. */
    public static Reader open(Path file) throws IOException {
        return open(() -> Files.newInputStream(file));
    }

    /** The text of bytes that can be read twice: once to tell the encoding, once to read them. */
    public static Reader open(Bytes bytes) throws IOException {
        Charset charset;
        try (InputStream in = bytes.open()) {
            charset = isUtf8(in) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return reader(bytes.open(), charset);
    }

    /**
     * For a reader that reads once and can start again (the NPPES extract, gigabytes): UTF-8 that
     * throws {@link java.nio.charset.CharacterCodingException} at the first byte that is not; the
     * reader then reads the file again with {@link #windows1252}.
     */
    public static Reader strictUtf8(InputStream in) throws IOException {
        InputStream buffered = withoutBom(in);
        return new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The text as Windows-1252, the byte-order mark skipped. */
    public static Reader windows1252(InputStream in) throws IOException {
        return reader(in, WINDOWS_1252);
    }

    private static InputStream withoutBom(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static Reader reader(InputStream raw, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
        // undecodable bytes cannot occur in either reading; replacing keeps a reader that cannot fail here
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Whether the whole file decodes as UTF-8 (read once, in blocks). */
    public static boolean isUtf8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isUtf8(in);
        }
    }

    private static boolean isUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        int n;
        while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
            bytes.position(bytes.position() + n);
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, false);
            if (result.isError()) {
                return false;
            }
            chars.clear();
            bytes.compact(); // an incomplete sequence at the block's end waits for the next block
        }
        bytes.flip();
        CoderResult end = decoder.decode(bytes, chars, true);
        return !end.isError() && !decoder.flush(chars).isError();
    }
}
