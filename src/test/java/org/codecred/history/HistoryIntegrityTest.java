package org.codecred.history;

import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History's key and rows damaged between two months, as an unlucky operator would: the key deleted,
 * replaced, cut short; a verdict edited to a value CodeCred never writes. Each stops the next month at
 * start with exit 2 and one line naming the file or the table and row and what to do; none of them
 * silently makes a new key. A damaged month is repaired by running it again with --force.
 *
 * <p>2026-09 is run once into a template; each test works on its own copy of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIntegrityTest {

    private Path template;

    @BeforeAll
    void runSeptember(@TempDir Path tmp) throws Exception {
        template = tmp.resolve("template");
        SampleMonthGenerator.generateMonths(YearMonth.of(2026, 9), YearMonth.of(2026, 10), 6, 400, 29, template.resolve("input"));
        TestMonth september = new TestMonth(template, "2026-09");
        assertThat(september.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(Long.parseLong(september.query("SELECT COUNT(*) FROM codecred.history_diag_eval").get(0)))
                .as("history holds member hashes").isPositive();
    }

    private TestMonth copyOfSeptember(Path tmp, String month) throws IOException {
        try (Stream<Path> files = Files.walk(template)) {
            for (Path from : files.toList()) {
                Path to = tmp.resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return new TestMonth(tmp, month);
    }

    private static Path keyOf(TestMonth month) {
        return MemberKey.besideDatabase(month.db);
    }

    @Test
    void aMissingKeyWhileHistoryHoldsHashesIsExit2AtStartAndNoNewKeyIsMade(@TempDir Path tmp) throws Exception {
        TestMonth october = copyOfSeptember(tmp, "2026-10");
        Files.delete(keyOf(october));

        assertThat(october.run()).isEqualTo(ExitCode.USAGE);
        assertThat(october.lastMessage).contains(keyOf(october).toString()).contains("is missing")
                .contains("restore it from backup (the copy made with the database)");
        assertOneLineAndNothingComputed(october);
        assertThat(keyOf(october)).doesNotExist();
    }

    @Test
    void anotherKeyIsExit2AtStart(@TempDir Path tmp) throws Exception {
        TestMonth october = copyOfSeptember(tmp, "2026-10");
        Files.writeString(keyOf(october), "ab".repeat(32) + "\n", StandardCharsets.US_ASCII);

        assertThat(october.run()).isEqualTo(ExitCode.USAGE);
        assertThat(october.lastMessage).contains(keyOf(october).toString())
                .contains("is not the key history's member hashes were made with").contains("restore the key backed up");
        assertOneLineAndNothingComputed(october);
    }

    @Test
    void aKeyCutTo31BytesIsFoundAtStartNotInValidateCoding(@TempDir Path tmp) throws Exception {
        TestMonth october = copyOfSeptember(tmp, "2026-10");
        String hex = Files.readString(keyOf(october), StandardCharsets.US_ASCII).strip();
        Files.writeString(keyOf(october), hex.substring(0, 62) + "\n", StandardCharsets.US_ASCII);

        assertThat(october.run()).isEqualTo(ExitCode.USAGE);
        assertThat(october.lastMessage).contains(keyOf(october).toString()).contains("31 bytes, not 32")
                .contains("restore it from backup").doesNotContain("validateCoding");
        assertOneLineAndNothingComputed(october);
    }

    @Test
    void anUnreadableVerdictNamesTheTableAndRowAndForceOfThatMonthRepairsIt(@TempDir Path tmp) throws Exception {
        TestMonth october = copyOfSeptember(tmp, "2026-10");
        String npi = october.query("SELECT MIN(npi) FROM codecred.history_provider WHERE history_month = '2026-09'").get(0).trim();
        october.execute("UPDATE codecred.history_provider SET verdict = 'MAYBE' WHERE history_month = '2026-09' AND npi = '" + npi + "'");

        assertThat(october.run()).isEqualTo(ExitCode.USAGE);
        assertThat(october.lastMessage).contains("codecred.history_provider").contains("history_month=2026-09")
                .contains("npi=" + npi).contains("'MAYBE'").contains("--month=2026-09 --force")
                .doesNotContain("IllegalArgumentException").doesNotContain("No enum constant");
        assertOneLineAndNothingComputed(october);

        // forcing the damaged month rewrites its history; then the next month runs
        assertThat(new TestMonth(tmp, "2026-09").run("--force")).isEqualTo(ExitCode.COMPLETED);
        assertThat(october.query("SELECT verdict FROM codecred.history_provider WHERE history_month = '2026-09' AND npi = '"
                + npi + "'").get(0).trim()).isIn("HOLD", "REVIEW", "CLEAR");
        assertThat(october.run()).isEqualTo(ExitCode.COMPLETED);
    }

    @Test
    void anUnreadableMonthNamesTheTable(@TempDir Path tmp) throws Exception {
        TestMonth october = copyOfSeptember(tmp, "2026-10");
        october.execute("INSERT INTO codecred.history_run (history_month, recorded_at, providers, lines)"
                + " VALUES ('2026-1X', CURRENT_TIMESTAMP, 1, 1)");

        assertThat(october.run()).isEqualTo(ExitCode.USAGE);
        assertThat(october.lastMessage).contains("codecred.history_run").contains("'2026-1X'").contains("not a month");
        assertOneLineAndNothingComputed(october);
    }

    private static void assertOneLineAndNothingComputed(TestMonth month) {
        assertThat(month.lastMessage.strip().lines()).hasSize(1);
        assertThat(month.outputDir().resolve("findings.csv")).doesNotExist();
    }
}
