package org.codecred.ingest.x12;

import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A month whose only claim file is an 837, through the real job; an 837 that is no X12 at all stops the run. */
class X12MonthTest {

    @TempDir
    Path tmp;

    @Test
    void aMonthOfOnly837FilesRunsAndStagesEveryServiceLine() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        Files.copy(X12ClaimReaderTest.fixture("multi-claim.837"), month.monthDir().resolve("claims-october.837"));
        Files.copy(X12ClaimReaderTest.fixture("rejects.837"), month.monthDir().resolve("claims-rejects.x12"));
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line")).containsExactly("10");
        assertThat(month.query("SELECT member_id FROM codecred.claim_line WHERE claim_id = 'C4'"))
                .containsExactly("SUBB002/20180220");
        String rejected = month.read("rejected.csv");
        assertThat(rejected.lines().skip(1)).hasSize(16).allSatisfy(r -> assertThat(r).startsWith("claims-rejects.x12,"));
        assertThat(rejected).doesNotContain("SUBR").doesNotContain("ROE");
        assertThat(month.read("run-summary.json")).contains("\"lines_accepted\": 10").contains("\"lines_rejected\": 16");
    }

    @Test
    void aServiceLineDatedOutsideTheMonthIsRejectedAsACsvRowIs() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        // the same file, its first service date moved into August
        String august = Files.readString(X12ClaimReaderTest.fixture("multi-claim.837"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("DTP\\*472\\*D8\\*20261005~", "DTP*472*D8*20260815~");
        Files.writeString(month.monthDir().resolve("claims-october.837"), august, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(month.run()).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line")).containsExactly("6"); // of its 7
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line WHERE service_date < DATE '2026-10-01'")).containsExactly("0");
        assertThat(month.read("rejected.csv").lines().skip(1)).singleElement().satisfies(r -> assertThat(r)
                .startsWith("claims-october.837,").contains("service_date (DTP03 of DTP*472): '2026-08-15' is outside the month 2026-10"));
    }

    @Test
    void an837FileThatIsNoInterchangeStopsTheRunBeforeAnythingStarts() throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", ""));
        month.file("claims-october.edi", "claim_id,line_no", "C1,1");
        assertThat(month.run()).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("claims-october.edi: not an X12 interchange (an 837 file begins with its ISA segment)")
                .doesNotContain("Exception");
    }

    @Test
    void aByteOrderMarkBeforeTheIsaIsReadPast() throws Exception {
        Path file = tmp.resolve("claims-bom.837");
        byte[] example = Files.readAllBytes(X12ClaimReaderTest.fixture("ig-example-1-commercial.837"));
        byte[] withMark = new byte[example.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(example, 0, withMark, 3, example.length);
        Files.write(file, withMark);
        X12ClaimReader reader = new X12ClaimReader("x12", java.util.List.of(file));
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        int lines = 0;
        X12Item item;
        while ((item = reader.read()) != null) {
            assertThat(item).isInstanceOf(X12Item.ServiceLine.class);
            lines++;
        }
        reader.close();
        assertThat(lines).isEqualTo(4);
    }
}
