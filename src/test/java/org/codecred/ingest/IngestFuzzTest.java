package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: seeded fuzzing of the claim and roster readers with hostile rows (see
 * {@link HostileRowGenerator}). Whatever a line holds, nothing escapes as an exception, every
 * non-blank physical line is accepted or rejected once under its own line number, accepted plus
 * rejected equals lines read, and no member id appears in what goes to rejected.csv. Fast: a few
 * thousand rows per seed, no database.
 */
class IngestFuzzTest {

    private static final long[] SEEDS = {19L, 20261001L, 424242L};

    @TempDir
    Path tmp;

    @Test
    void claimRowsAreAcceptedOrRejectedEachUnderItsLineAndNoMemberIdLeaks() throws Exception {
        for (long seed : SEEDS) {
            HostileRowGenerator generator = new HostileRowGenerator(seed);
            byte[] file = generator.claims(1500);
            Path path = tmp.resolve("claims-" + seed + ".csv");
            Files.write(path, file);
            ClaimRowParser parser = new ClaimRowParser(YearMonth.of(2026, 10));
            List<IngestResult<ClaimLine>> results = readAll(path, parser::parse);

            List<Long> expected = HostileRowGenerator.dataLines(file);
            List<Long> seen = new ArrayList<>();
            long accepted = 0;
            long rejected = 0;
            for (IngestResult<ClaimLine> result : results) {
                if (result instanceof IngestResult.Accepted<ClaimLine> a) {
                    seen.add(a.value().lineNumber());
                    accepted++;
                    assertThat(a.value().memberId().length()).isLessThanOrEqualTo(ClaimLineValidator.MAX_ID);
                    assertThat(String.join(";", a.value().diagnosisCodes()).length()).isLessThanOrEqualTo(255);
                } else if (result instanceof IngestResult.Rejected<ClaimLine> r) {
                    seen.add(r.row().lineNumber());
                    rejected++;
                    assertThat(leaked(r.row().raw() + "\n" + r.row().reason(), generator.memberIds()))
                            .as("seed %d line %d: %s", seed, r.row().lineNumber(), r.row()).isEmpty();
                }
            }
            assertThat(seen).as("seed %d: each line once, in order", seed).isEqualTo(expected);
            assertThat(accepted + rejected).isEqualTo(expected.size());
            assertThat(accepted).as("seed %d: the clean rows still read", seed).isGreaterThan(100);
            assertThat(rejected).as("seed %d: the hostile rows are caught", seed).isGreaterThan(100);
        }
    }

    @Test
    void rosterRowsAreAcceptedOrRejectedEachUnderItsLine() throws Exception {
        for (long seed : SEEDS) {
            byte[] file = new HostileRowGenerator(seed).roster(800);
            Path path = tmp.resolve("roster-" + seed + ".csv");
            Files.write(path, file);
            RosterRowParser parser = new RosterRowParser();
            List<IngestResult<Provider>> results = readAll(path, parser::parse);
            List<Long> seen = new ArrayList<>();
            for (IngestResult<Provider> result : results) {
                if (result instanceof IngestResult.Accepted<Provider> a) {
                    seen.add(a.value().lineNumber());
                    assertThat(String.join(";", a.value().specialties()).length()).isLessThanOrEqualTo(500);
                } else if (result instanceof IngestResult.Rejected<Provider> r) {
                    seen.add(r.row().lineNumber());
                }
            }
            assertThat(seen).as("seed %d", seed).isEqualTo(HostileRowGenerator.dataLines(file));
        }
    }

    private static final java.util.regex.Pattern MEMBER = java.util.regex.Pattern.compile("QZ[A-Z0-9]{10}");

    /** The generated member ids that {@code text} shows (they are "QZ" and ten letters or digits). */
    static List<String> leaked(String text, java.util.Set<String> members) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = MEMBER.matcher(text.toUpperCase(java.util.Locale.ROOT));
        while (m.find()) {
            if (members.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static <T> List<IngestResult<T>> readAll(Path file, Function<RawRow, IngestResult<T>> parse) throws Exception {
        CsvLineReader reader = new CsvLineReader("fuzz", List.of(file));
        List<IngestResult<T>> results = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            RawRow row;
            while ((row = reader.read()) != null) {
                results.add(parse.apply(row));
            }
        } finally {
            reader.close();
        }
        return results;
    }
}
