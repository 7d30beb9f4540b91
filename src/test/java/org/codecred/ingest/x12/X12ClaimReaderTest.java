package org.codecred.ingest.x12;

import org.codecred.domain.ClaimLine;
import org.codecred.ingest.IngestResult;
import org.codecred.staging.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 837P reader end to end up to the staged claim line: the implementation guide's own example
 * in three line-end shapes, a multi-claim file with every loop variant the mapping knows, every
 * reject reason, and restart from a saved state.
 */
class X12ClaimReaderTest {

    private final X12LineParser parser = new X12LineParser();

    @Test
    void theGuidesExample1ReadsAsPublishedWhateverTheLineEnds() throws Exception {
        for (String name : List.of("ig-example-1-commercial.837", "ig-example-1-commercial-one-line.837",
                "ig-example-1-commercial-crlf.837")) {
            List<IngestResult<ClaimLine>> results = readAll(List.of(fixture(name)));
            assertThat(rejects(results)).as(name).isEmpty();
            List<ClaimLine> lines = accepted(results);
            assertThat(lines).as(name).hasSize(4);
            ClaimLine first = lines.get(0);
            assertThat(first.claimId()).isEqualTo("26463774");
            assertThat(first.lineNo()).isEqualTo(1);
            assertThat(first.billingNpi()).isEqualTo("9876543210");
            assertThat(first.renderingNpi()).as("no 2310B or 2420A: the billing provider renders").isEqualTo("9876543210");
            // Ted is the patient (2000C), Jane the subscriber: the member is Ted
            assertThat(first.memberId()).isEqualTo("JS00111223333/19730501");
            assertThat(first.memberDob()).isEqualTo(LocalDate.of(1973, 5, 1));
            assertThat(first.serviceDate()).isEqualTo(LocalDate.of(2006, 10, 3));
            assertThat(first.procedureCode()).isEqualTo("99213");
            assertThat(first.units()).isEqualTo(1);
            assertThat(first.minutes()).isNull();
            assertThat(first.minutesColumnPresent()).isFalse();
            assertThat(first.placeOfService()).as("CLM05-1").isEqualTo("11");
            assertThat(first.charge()).isEqualByComparingTo(new BigDecimal("40"));
            assertThat(first.diagnosisCodes()).as("SV107 points to HI 1 (BK, ICD-9, kept as written)").containsExactly("0340");
            assertThat(lines.get(2).diagnosisCodes()).containsExactly("V73.89");
            assertThat(lines.get(2).serviceDate()).isEqualTo(LocalDate.of(2006, 10, 10));
            assertThat(lines.stream().map(ClaimLine::procedureCode)).containsExactly("99213", "87070", "99214", "86663");
            assertThat(lines.stream().map(ClaimLine::lineNumber)).as("segment numbers of the SV1s")
                    .containsExactly(33L, 36L, 39L, 42L);
        }
    }

    @Test
    void mapsClaimsLinesLoopsAndPointersOfSeveralSetsAndInterchanges() throws Exception {
        List<IngestResult<ClaimLine>> results = readAll(List.of(fixture("multi-claim.837")));
        assertThat(rejects(results)).isEmpty();
        List<ClaimLine> lines = accepted(results);
        assertThat(lines.stream().map(l -> l.claimId() + "/" + l.lineNo()))
                .containsExactly("C1/1", "C1/2", "C2/1", "C3/1", "C4/1", "C5/1", "C6/1");

        ClaimLine c1l1 = lines.get(0);
        ClaimLine c1l2 = lines.get(1);
        assertThat(c1l1.renderingNpi()).as("claim level 2310B").isEqualTo("1111111112");
        assertThat(c1l2.renderingNpi()).as("line level 2420A wins").isEqualTo("2222222223");
        assertThat(c1l1.billingNpi()).isEqualTo("1234567893");
        assertThat(c1l1.diagnosisCodes()).as("pointers 1:2, primary first").containsExactly("F33.1", "F41.1");
        assertThat(c1l2.diagnosisCodes()).containsExactly("F41.1");
        assertThat(c1l1.memberId()).as("subscriber is the patient").isEqualTo("SUBA001");
        assertThat(c1l1.memberDob()).isEqualTo(LocalDate.of(1980, 1, 15));

        ClaimLine c2 = lines.get(2);
        assertThat(c2.renderingNpi()).as("no rendering provider: the billing one").isEqualTo("1234567893");
        assertThat(c2.placeOfService()).as("SV105 over CLM05-1").isEqualTo("10");
        assertThat(c2.modifiers()).containsExactly("95");
        assertThat(c2.serviceDate()).as("RD8 range: its first day").isEqualTo(LocalDate.of(2026, 10, 6));
        assertThat(c2.diagnosisCodes()).containsExactly("F43.10");

        ClaimLine c3 = lines.get(3);
        ClaimLine c4 = lines.get(4);
        assertThat(c3.memberId()).as("dependent: subscriber id / own birth date").isEqualTo("SUBB002/20150610");
        assertThat(c3.memberDob()).isEqualTo(LocalDate.of(2015, 6, 10));
        assertThat(c4.memberId()).as("a second dependent on the same policy is another member").isEqualTo("SUBB002/20180220");
        assertThat(c4.modifiers()).containsExactly("GT", "59", "XU", "76");
        assertThat(c4.units()).as("SV104 2.0").isEqualTo(2);
        assertThat(c4.diagnosisCodes()).as("pointers 2:1").containsExactly("F90.0", "F91.3");
        assertThat(c4.renderingNpi()).isEqualTo("1111111112");

        ClaimLine c5 = lines.get(5);
        assertThat(c5.billingNpi()).as("second transaction set, its own billing provider").isEqualTo("1987654321");
        assertThat(c5.memberDob()).as("no DMG for the subscriber").isNull();
        assertThat(lines.get(6).sourceFile()).isEqualTo("multi-claim.837");
        assertThat(lines.get(6).claimId()).as("second interchange").isEqualTo("C6");
    }

    @Test
    void everyRejectReasonNamesFileSegmentAndCauseAndTheRestIsRead() throws Exception {
        List<IngestResult<ClaimLine>> results = readAll(List.of(fixture("rejects.837")));
        List<String> reasons = rejects(results).stream().map(RejectedRow::reason).toList();
        assertThat(rejects(results)).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("rejects.837");
            assertThat(r.reason()).contains("(segment " + r.lineNumber() + ")");
            assertThat(r.raw()).doesNotContain("SUBR").doesNotContain("ROE");
        });
        assertThat(reasons).satisfiesExactly(
                r -> assertThat(r).startsWith("transaction set 0001").contains("SE01: the count does not match")
                        .endsWith("its 1 service line(s) are not loaded"),
                r -> assertThat(r).startsWith("transaction set 0002").contains("SE02: the control number does not match"),
                r -> assertThat(r).startsWith("transaction set 0003").contains("transaction set 835 is not a claim (837)"),
                r -> assertThat(r).startsWith("transaction set 0004").contains("'005010X223A2' is not a professional claim"),
                r -> assertThat(r).startsWith("transaction set 0005").contains("patient HL (23) whose HL02 names no subscriber HL (22)"),
                r -> assertThat(r).startsWith("SV104: required service unit count is missing"),
                r -> assertThat(r).startsWith("SV107-1: required diagnosis code pointer is missing"),
                r -> assertThat(r).startsWith("SV107-1: diagnosis pointer 3 points to no code (the claim's HI has 1)"),
                r -> assertThat(r).startsWith("DTP*472: no service date on the line (loop 2400) or the claim"),
                r -> assertThat(r).startsWith("SV101-1: qualifier 'ER' is not HC"),
                r -> assertThat(r).startsWith("SV102: required line charge is missing"),
                r -> assertThat(r).startsWith("procedure_code (SV101-2): '9083' is not a 5-character CPT/HCPCS code"),
                r -> assertThat(r).startsWith("units (SV104): '0' is below 1"),
                r -> assertThat(r).startsWith("DMG02: the patient (2010CA) has no birth date"),
                r -> assertThat(r).startsWith("GE01: the count does not match").endsWith("the transaction sets present in it were read"),
                r -> assertThat(r).startsWith("transaction set 0001").contains("a segment cannot be split into elements (StAEDI: ")
                        .contains("the rest of its interchange, up to the next ISA, is skipped"));
        assertThat(accepted(results).stream().map(l -> l.claimId() + "/" + l.lineNo()))
                .as("the clean line beside the bad ones, the clean set after the bad ones, the interchange after the unreadable one")
                .containsExactly("R6/9", "R8/1", "R11/1");
        RejectedRow unreadable = rejects(results).get(15);
        assertThat(unreadable.raw()).doesNotContain("@");
        assertThat(rejects(results).get(0).raw()).startsWith("SE*");
    }

    @Test
    void aFileCutOffInsideATransactionSetRejectsThatSet() throws Exception {
        List<IngestResult<ClaimLine>> results = readAll(List.of(fixture("truncated.837")));
        assertThat(accepted(results)).extracting(ClaimLine::claimId).containsExactly("T1");
        assertThat(rejects(results)).singleElement().satisfies(r -> assertThat(r.reason()).contains("transaction set 0002"));
    }

    @Test
    void aRestartFromAnySavedStateGivesTheSameItemsAsOneRead() throws Exception {
        List<Path> files = List.of(fixture("multi-claim.837"), fixture("rejects.837"), fixture("ig-example-1-commercial.837"));
        List<String> whole = describe(readAll(files));
        for (int stopAfter = 0; stopAfter <= whole.size(); stopAfter++) {
            ExecutionContext saved = new ExecutionContext();
            List<String> got = new ArrayList<>();
            X12ClaimReader first = new X12ClaimReader("x12", files);
            first.open(new ExecutionContext());
            for (int i = 0; i < stopAfter; i++) {
                got.add(describe(parser.parse(first.read())));
            }
            first.update(saved);
            first.close();
            X12ClaimReader resumed = new X12ClaimReader("x12", files);
            resumed.open(saved);
            X12Item item;
            while ((item = resumed.read()) != null) {
                got.add(describe(parser.parse(item)));
            }
            resumed.close();
            assertThat(got).as("stopped after " + stopAfter).isEqualTo(whole);
        }
    }

    @Test
    void aChangedFileIsRefusedOnResume(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("claims-a.837");
        Files.copy(fixture("multi-claim.837"), file);
        X12ClaimReader reader = new X12ClaimReader("x12", List.of(file));
        ExecutionContext saved = new ExecutionContext();
        reader.open(new ExecutionContext());
        reader.read();
        reader.update(saved);
        reader.close();
        Files.writeString(file, Files.readString(file).replace("SUBA001", "SUBA0001"));
        assertThatThrownBy(() -> new X12ClaimReader("x12", List.of(file)).open(saved))
                .isInstanceOf(ItemStreamException.class).hasMessageContaining("the input files changed");
    }

    // helpers

    private List<IngestResult<ClaimLine>> readAll(List<Path> files) {
        X12ClaimReader reader = new X12ClaimReader("x12", files);
        reader.open(new ExecutionContext());
        List<IngestResult<ClaimLine>> results = new ArrayList<>();
        X12Item item;
        while ((item = reader.read()) != null) {
            results.add(parser.parse(item));
        }
        reader.close();
        return results;
    }

    private static List<String> describe(List<IngestResult<ClaimLine>> results) {
        return results.stream().map(X12ClaimReaderTest::describe).toList();
    }

    private static String describe(IngestResult<ClaimLine> result) {
        return result instanceof IngestResult.Accepted<ClaimLine> a ? a.value().toString()
                : ((IngestResult.Rejected<ClaimLine>) result).row().toString();
    }

    private static List<ClaimLine> accepted(List<IngestResult<ClaimLine>> results) {
        return results.stream().filter(r -> r instanceof IngestResult.Accepted<ClaimLine>)
                .map(r -> ((IngestResult.Accepted<ClaimLine>) r).value()).toList();
    }

    private static List<RejectedRow> rejects(List<IngestResult<ClaimLine>> results) {
        return results.stream().filter(r -> r instanceof IngestResult.Rejected<ClaimLine>)
                .map(r -> ((IngestResult.Rejected<ClaimLine>) r).row()).toList();
    }

    static Path fixture(String name) throws URISyntaxException, IOException {
        return Path.of(X12ClaimReaderTest.class.getResource("/x12/" + name).toURI());
    }
}
