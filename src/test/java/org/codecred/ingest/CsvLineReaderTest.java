package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The physical-line reader on files written byte for byte: encodings, line ends, quotes across lines. */
class CsvLineReaderTest {

    private static final String HEADER = "claim_id,line_no,rendering_npi,billing_npi,member_id,member_dob,service_date,"
            + "procedure_code,modifiers,units,minutes,diagnosis_codes,place_of_service,charge";

    @TempDir
    Path tmp;

    private static String line(String claim) {
        return claim + ",1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00";
    }

    /** Every row the reader gives, parsed: "A line" or "R line reason". */
    private List<String> readAll(Path file) throws Exception {
        CsvLineReader reader = new CsvLineReader("claims", List.of(file));
        ClaimRowParser parser = new ClaimRowParser(YearMonth.of(2026, 10));
        List<String> out = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            RawRow row;
            while ((row = reader.read()) != null) {
                IngestResult<ClaimLine> result = parser.parse(row);
                if (result instanceof IngestResult.Accepted<ClaimLine> a) {
                    out.add("A " + a.value().lineNumber());
                } else if (result instanceof IngestResult.Rejected<ClaimLine> r) {
                    out.add("R " + r.row().lineNumber() + " " + r.row().reason());
                }
            }
        } finally {
            reader.close();
        }
        return out;
    }

    private Path write(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = tmp.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aByteThatIsNotUtf8NearTheTopRejectsOnlyItsLine() throws Exception {
        // issue 19 case 4: one Latin-1 byte (0xE9) on line 2, then 300 good lines
        List<byte[]> parts = new ArrayList<>(List.of(utf8(HEADER + "\r\n"), utf8("C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,Caf"),
                new byte[]{(byte) 0xE9}, utf8("\r\n")));
        for (int i = 0; i < 300; i++) {
            parts.add(utf8(line("C" + (i + 2)) + "\r\n"));
        }
        List<String> rows = readAll(write("claims-latin1.csv", parts.toArray(byte[][]::new)));
        assertThat(rows).hasSize(301);
        assertThat(rows.get(0)).startsWith("R 2 the line is not UTF-8 text (byte 75 of the line");
        assertThat(rows.subList(1, 301)).allMatch(r -> r.startsWith("A "));
        assertThat(rows.get(300)).isEqualTo("A 302");
    }

    @Test
    void aByteOrderMarkAndCrlfAreAccepted() throws Exception {
        List<String> rows = readAll(write("claims-bom.csv", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8(HEADER + "\r\n" + line("C1") + "\r\n\r\n" + line("C2") + "\r\n")));
        assertThat(rows).containsExactly("A 2", "A 4");
    }

    @Test
    void aLineBreakInsideAQuotedFieldMakesNoPhantomLine() throws Exception {
        // issue 19 case 9: the tail "F43.10",... has the header's field count once split naively
        String head = "C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,\"F41.1";
        String tail = "C9,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F43.10\",11,140.00";
        List<String> rows = readAll(write("claims-break.csv", utf8(HEADER + "\n" + head + "\n" + tail + "\n" + line("C3") + "\n")));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("R 2 field 12: a quoted field is not closed on this line");
        assertThat(rows.get(1)).startsWith("R 3 this line continues a quoted field left open on the line before (2)");
        assertThat(rows.get(2)).isEqualTo("A 4");
    }

    @Test
    void aStrayQuoteRejectsItsOwnLineOnly() throws Exception {
        String stray = "C1,1,1234567893,,\"MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00";
        List<String> rows = readAll(write("claims-stray.csv", utf8(HEADER + "\n" + stray + "\n" + line("C2") + "\n"
                + "\"C3\",1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00\n")));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("R 2 field 5: a quoted field is not closed");
        assertThat(rows.subList(1, 3)).containsExactly("A 3", "A 4");
    }

    @Test
    void anOverlongLineIsCutAndRejectedNotRead() throws Exception {
        byte[] huge = new byte[InputLines.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        List<String> rows = readAll(write("claims-huge.csv", utf8(HEADER + "\n"), huge, utf8("\n" + line("C2") + "\n")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("R 2 the line is 1048586 bytes long");
        assertThat(rows.get(1)).isEqualTo("A 3");
    }

    @Test
    void aResumedReadKnowsTheLineBeforeIt() throws Exception {
        String head = "C1,1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,\"F41.1";
        String tail = "F43.10\",11,140.00";
        Path file = write("claims-resume.csv", utf8(HEADER + "\n" + head + "\n" + tail + "\n"));
        CsvLineReader reader = new CsvLineReader("claims", List.of(file));
        ExecutionContext context = new ExecutionContext();
        context.putInt("claims.file", 0);
        context.putLong("claims.line", 2);
        context.putString("claims.fileName", "claims-resume.csv");
        reader.open(context);
        RawRow row = reader.read();
        reader.close();
        assertThat(row.lineNumber()).isEqualTo(3);
        assertThat(row.previousLine()).isEqualTo(head);
    }
}
