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
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 29: seeded fuzzing of the 837 reader with the third round's hostile files — a claim of 1 to
 * 120 service lines, LX numbers repeated at random, a component separator at a random place of the
 * member id, the GE/IEA trailers cut at random. Whatever the file, nothing escapes as an exception, no
 * accepted line carries a member id other than the one written (never one cut at the separator), no
 * claim loads more than 50 lines or an LX number twice, every line is loaded or rejected with the
 * segment named, and no reject shows the member id. Fast: no database.
 */
class X12FuzzTest {

    private static final long[] SEEDS = {29L, 20261207L, 777L};
    private static final int FILES_PER_SEED = 40;

    private final X12LineParser parser = new X12LineParser();

    @Test
    void hostile837FilesLoseNothingSilentlyAndCutNoId(@TempDir Path tmp) throws Exception {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int f = 0; f < FILES_PER_SEED; f++) {
                int lines = 1 + random.nextInt(120);
                int[] lx = new int[lines + 1];
                for (int n = 1; n <= lines; n++) {
                    lx[n] = random.nextInt(10) == 0 && n > 1 ? 1 + random.nextInt(n - 1) : n;
                }
                StringBuilder id = new StringBuilder("M");
                for (int c = 0; c < 8; c++) {
                    id.append((char) ('A' + random.nextInt(26)));
                }
                String member = id.toString();
                boolean separator = random.nextInt(4) == 0;
                String written = separator ? member.substring(0, 1 + random.nextInt(member.length() - 1)) + ":"
                        + member.substring(1 + random.nextInt(member.length() - 1)) : member;
                int trailers = random.nextInt(3);
                String context = "seed " + seed + " file " + f + " (" + lines + " lines, trailers " + trailers
                        + (separator ? ", separator in NM109" : "") + ")";

                List<IngestResult<ClaimLine>> results = read(tmp, Claim837Files.oneClaim(lines, n -> lx[n], written, trailers));

                List<ClaimLine> accepted = new ArrayList<>();
                List<RejectedRow> rejected = new ArrayList<>();
                for (IngestResult<ClaimLine> r : results) {
                    if (r instanceof IngestResult.Accepted<ClaimLine> a) {
                        accepted.add(a.value());
                    } else {
                        rejected.add(((IngestResult.Rejected<ClaimLine>) r).row());
                    }
                }
                assertThat(accepted).as(context).allSatisfy(l -> assertThat(l.memberId()).isEqualTo(member));
                assertThat(accepted.size()).as(context).isLessThanOrEqualTo(Claim837Mapper.MAX_LINES_PER_CLAIM);
                assertThat(accepted.stream().map(ClaimLine::lineNo).distinct().count()).as(context).isEqualTo(accepted.size());
                assertThat(rejected).as(context).allSatisfy(r -> {
                    assertThat(r.file()).isEqualTo("claims.837");
                    assertThat(r.reason()).containsPattern("segment");
                    assertThat(r.reason() + r.raw()).doesNotContain(member);
                });
                if (separator) {
                    assertThat(accepted).as(context).isEmpty();
                    assertThat(rejected).as(context).anySatisfy(r -> assertThat(r.reason()).contains("NM109: holds the component separator"));
                } else {
                    assertThat(accepted.size()).as(context).isEqualTo(expectedAccepted(lx, lines));
                    long lineRejects = rejected.stream().filter(r -> r.reason().contains("LX")).count();
                    assertThat(accepted.size() + lineRejects).as(context + ": every line loaded or rejected").isEqualTo(lines);
                    assertThat(rejected.stream().anyMatch(r -> r.reason().contains("trailer"))).as(context).isEqualTo(trailers < 2);
                }
            }
        }
    }

    /** The lines the guide's limits keep: the first 50, each whose LX number is new within the claim. */
    private static int expectedAccepted(int[] lx, int lines) {
        Set<Integer> seen = new HashSet<>();
        int kept = 0;
        for (int n = 1; n <= lines; n++) {
            if (n > Claim837Mapper.MAX_LINES_PER_CLAIM) {
                break;
            }
            if (seen.add(lx[n])) {
                kept++;
            }
        }
        return kept;
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
}
