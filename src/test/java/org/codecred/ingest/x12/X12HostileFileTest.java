package org.codecred.ingest.x12;

import org.codecred.domain.ClaimLine;
import org.codecred.ingest.IngestResult;
import org.codecred.staging.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 837 files as a careless sender or a cut transfer leaves them: trailers missing after a complete
 * set, a component separator inside a member id, a claim with more service lines than the guide
 * allows, a repeated LX number. Nothing is cut or dropped silently: what is whole is read, the rest
 * goes to rejected.csv with a reason naming the segment.
 */
class X12HostileFileTest {

    private final X12LineParser parser = new X12LineParser();

    private static String example() throws Exception {
        return Files.readString(X12ClaimReaderTest.fixture("ig-example-1-commercial.837"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aFileMissingOnlyGeAndIeaKeepsItsCompleteSetWithAWarning(@TempDir Path tmp) throws Exception {
        String text = example();
        List<IngestResult<ClaimLine>> results = read(tmp, text.substring(0, text.indexOf("GE*")));
        assertThat(accepted(results)).hasSize(4);
        assertThat(rejects(results)).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("claims.837");
            assertThat(r.reason()).contains("without its GE and IEA trailers").contains("complete transaction sets were read");
        });
    }

    @Test
    void aFileMissingOnlyIeaKeepsItsSetsWithAWarning(@TempDir Path tmp) throws Exception {
        String text = example();
        List<IngestResult<ClaimLine>> results = read(tmp, text.substring(0, text.indexOf("IEA*")));
        assertThat(accepted(results)).hasSize(4);
        assertThat(rejects(results)).singleElement().satisfies(r -> assertThat(r.reason()).contains("without its IEA trailer"));
    }

    @Test
    void aSetCutBeforeItsSeIsStillRejectedWhenTheTrailersAreMissing(@TempDir Path tmp) throws Exception {
        String text = example();
        List<IngestResult<ClaimLine>> results = read(tmp, text.substring(0, text.indexOf("SE*")));
        assertThat(accepted(results)).isEmpty();
        assertThat(rejects(results)).singleElement().satisfies(r -> assertThat(r.reason()).contains("transaction set 0021"));
    }

    @Test
    void anSeWhoseCountIsWrongIsNotKeptJustBecauseTheTrailersAreMissing(@TempDir Path tmp) throws Exception {
        String text = example();
        String cut = text.substring(0, text.indexOf("GE*"));
        int se = cut.indexOf("SE*");
        String seSegment = cut.substring(se, cut.indexOf('~', se));
        String wrong = "SE*99*" + seSegment.split("\\*")[2];
        List<IngestResult<ClaimLine>> results = read(tmp, cut.replace(seSegment, wrong));
        assertThat(accepted(results)).isEmpty();
        assertThat(rejects(results)).hasSize(1);
    }

    @Test
    void aComponentSeparatorInsideTheMemberIdRejectsTheSetNamingTheElementNeverCutsTheId(@TempDir Path tmp) throws Exception {
        String text = example();
        assertThat(text).contains("*MI*JS00111223333");
        List<IngestResult<ClaimLine>> results = read(tmp, text.replace("*MI*JS00111223333", "*MI*JS001:11223333"));
        assertThat(accepted(results)).as("no line with a member id cut to JS001").isEmpty();
        assertThat(rejects(results)).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("NM109: holds the component separator ':'").contains("transaction set 0021");
            assertThat(r.reason() + r.raw()).doesNotContain("11223333");
        });
    }

    @Test
    void compositeElementsStillReadTheirComponents(@TempDir Path tmp) throws Exception {
        // SV101 HC:99213, CLM05 11:B:1, HI BK:0340 are composites: the example reads clean
        assertThat(rejects(read(tmp, example()))).isEmpty();
    }

    @Test
    void aClaimWithMoreThan50ServiceLinesLoadsTheFirst50AndRejectsTheRestNamingTheSegment(@TempDir Path tmp) throws Exception {
        List<IngestResult<ClaimLine>> results = read(tmp, Claim837Files.oneClaim(53, n -> n));
        assertThat(accepted(results)).hasSize(50);
        assertThat(rejects(results)).hasSize(3).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("claims.837");
            assertThat(r.reason()).contains("already has 50 service lines, the most the 837P guide allows").contains("(segment ");
        });
    }

    @Test
    void aRepeatedLxNumberRejectsTheRepeatingLine(@TempDir Path tmp) throws Exception {
        List<IngestResult<ClaimLine>> results = read(tmp, Claim837Files.oneClaim(4, n -> n == 3 ? 2 : n));
        assertThat(accepted(results)).extracting(ClaimLine::lineNo).containsExactly(1, 2, 4);
        assertThat(rejects(results)).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("LX01 '2' repeats a line number of claim 'CL1'").contains("(segment "));
    }

    private List<IngestResult<ClaimLine>> read(Path tmp, String text) throws Exception {
        Path file = tmp.resolve("claims.837");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        X12ClaimReader reader = new X12ClaimReader("x12", List.of(file));
        reader.open(new ExecutionContext());
        List<IngestResult<ClaimLine>> results = new ArrayList<>();
        X12Item item;
        while ((item = reader.read()) != null) {
            results.add(parser.parse(item));
        }
        reader.close();
        return results;
    }

    private static List<ClaimLine> accepted(List<IngestResult<ClaimLine>> results) {
        return results.stream().filter(r -> r instanceof IngestResult.Accepted<ClaimLine>)
                .map(r -> ((IngestResult.Accepted<ClaimLine>) r).value()).toList();
    }

    private static List<RejectedRow> rejects(List<IngestResult<ClaimLine>> results) {
        return results.stream().filter(r -> r instanceof IngestResult.Rejected<ClaimLine>)
                .map(r -> ((IngestResult.Rejected<ClaimLine>) r).row()).toList();
    }
}
