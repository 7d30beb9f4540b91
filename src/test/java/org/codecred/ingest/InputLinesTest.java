package org.codecred.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The physical lines of a file, whatever their lengths and wherever the reader's 64 KiB buffer ends:
 * lines shorter and longer than a buffer, CRLF and LF, a CR split from its LF by a buffer's end,
 * accented text, blank lines, no line end after the last line.
 */
class InputLinesTest {

    private static List<InputLines.Line> read(byte[] bytes) throws IOException {
        List<InputLines.Line> lines = new ArrayList<>();
        try (InputLines in = new InputLines(new ByteArrayInputStream(bytes))) {
            InputLines.Line line;
            while ((line = in.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void givesTheSameLinesAsASplitAtEachLineEnd() throws IOException {
        Random random = new Random(42);
        List<String> expected = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) {
            int length = switch (random.nextInt(10)) {
                case 0 -> 0;
                case 1 -> 65_536 + random.nextInt(70_000); // longer than the buffer
                default -> random.nextInt(400);
            };
            StringBuilder text = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                text.append(random.nextInt(50) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
            }
            expected.add(text.toString());
            file.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            file.writeBytes(random.nextBoolean() ? new byte[]{'\r', '\n'} : new byte[]{'\n'});
        }
        file.writeBytes("last line without a line end".getBytes(StandardCharsets.UTF_8));
        expected.add("last line without a line end");

        List<InputLines.Line> lines = read(file.toByteArray());
        assertThat(lines).extracting(InputLines.Line::problem).containsOnlyNulls();
        assertThat(lines).extracting(InputLines.Line::text).containsExactlyElementsOf(expected);
    }

    @Test
    void aCarriageReturnLeftAtABuffersEndIsStillPartOfTheLineEnd() throws IOException {
        byte[] first = "x".repeat(65_535).getBytes(StandardCharsets.US_ASCII); // the CR is the buffer's last byte
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(first);
        file.writeBytes(new byte[]{'\r', '\n', 'b', '\r', '\n'});
        assertThat(read(file.toByteArray())).extracting(InputLines.Line::text).containsExactly("x".repeat(65_535), "b");
    }

    @Test
    void aByteOrderMarkIsSkippedAndTheFirstLineStillDecoded() throws IOException {
        byte[] bytes = "\uFEFFclaim_id,nom\r\nC1,Zoë\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes)).extracting(InputLines.Line::text).containsExactly("claim_id,nom", "C1,Zoë");
    }
}
