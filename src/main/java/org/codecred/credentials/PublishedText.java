package org.codecred.credentials;

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
 * The text of a published CSV file (OIG LEIE, SAM, opt-out, NUCC) as its publisher saved it: UTF-8
 * when every byte of the file is UTF-8 (a leading byte-order mark skipped, so it cannot hide the
 * quote of a quoted first header cell), else Windows-1252, as older releases and files saved from
 * Excel come. Reading Windows-1252 as UTF-8 would turn "MUÑOZ" into "MU?OZ", and a name that never
 * matches the roster.
 */
final class PublishedText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PublishedText() {
    }

    static Reader open(Path file) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
        // undecodable bytes cannot occur in either reading; replacing keeps a reader that cannot fail here
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Whether the whole file decodes as UTF-8 (read once, in blocks). */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
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
}
