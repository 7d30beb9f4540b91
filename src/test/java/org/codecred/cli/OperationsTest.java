package org.codecred.cli;

import org.codecred.job.ExitCode;
import org.codecred.job.Version;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 28's command line: --help and --version, configuration mistakes as exit 2, a range checked first. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @TempDir
    Path tmp;

    private TestMonth readyMonth(String month) throws IOException {
        TestMonth ready = new TestMonth(tmp, month);
        ready.roster(TestMonth.provider("LCSW", ""));
        ready.claims("claims.csv", TestMonth.line("C1", 1, "MBR0001", month + "-05", "90834", "45", "F41.1"));
        return ready;
    }

    @Test
    void helpAndVersionExitZeroAndStartNothing() {
        Path output = tmp.resolve("out");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(CodeCred.run(o, e, "--month=2026-10", "--output=" + output, "--help")).isEqualTo(ExitCode.COMPLETED);
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--month=YYYY-MM", "--months=A..B", "--force", "Exit codes:", "4  stopped on request",
                "docs/operations.md");
        out.reset();
        assertThat(CodeCred.run(o, e, "--version")).isEqualTo(ExitCode.COMPLETED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("CodeCred " + Version.current() + System.lineSeparator());
        assertThat(Version.current()).as("the build's version, filled in by Maven").matches("\\d+\\.\\d+.*");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(output).doesNotExist();
    }

    @Test
    void aMisspeltOptionIsNamedWithTheOneMeant() throws IOException {
        TestMonth month = readyMonth("2026-10");
        assertThat(month.run("--froce")).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("unknown option --froce (did you mean --force?)").hasLineCount(1);
    }

    @Test
    void aDatabaseUrlNoDriverAcceptsIsExitTwoInOneLine(CapturedOutput log) throws IOException {
        TestMonth month = readyMonth("2026-10");
        assertThat(month.run("--spring.datasource.url=jdbc:hsqldbx:file:" + tmp.resolve("x"))).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("no database driver accepts the URL jdbc:hsqldbx:file:").hasLineCount(1);
        assertThat(log.getAll()).doesNotContain("\tat ");
    }

    @Test
    void aNumberOptionGivenTextIsExitTwoInOneLine(CapturedOutput log) throws IOException {
        TestMonth month = readyMonth("2026-10");
        assertThat(month.run("--codecred.dossiers-per-commit=sixty")).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("--codecred.dossiers-per-commit=sixty is not a whole number").hasLineCount(1);
        assertThat(log.getAll()).doesNotContain("\tat ");
    }

    @Test
    void aBrokerWithTheEmbeddedDatabaseIsExitTwoInOneLine(CapturedOutput log) throws IOException {
        TestMonth month = readyMonth("2026-10");
        assertThat(month.run("--spring.artemis.broker-url=tcp://127.0.0.1:1")).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("a broker is configured").contains("shared database").hasLineCount(1);
        assertThat(log.getAll()).doesNotContain("\tat ");
        assertThat(month.outputDir().resolve("run-summary.json")).doesNotExist();
    }

    @Test
    void aDatabaseThatCannotBeReachedAtStartIsExitTwoInOneLine(CapturedOutput log) throws IOException {
        TestMonth month = readyMonth("2026-10");
        assertThat(month.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/codecred?password=secret",
                "--spring.datasource.hikari.connection-timeout=1000")).isEqualTo(ExitCode.USAGE);
        assertThat(month.lastMessage).contains("cannot be reached").contains("password=***").doesNotContain("secret")
                .hasLineCount(1);
        assertThat(log.getAll()).doesNotContain("\tat ");
    }

    @Test
    void aRangeChecksEveryMonthBeforeTheFirstStarts() throws IOException {
        TestMonth september = readyMonth("2026-09");
        String[] args = Stream.of(september.args()).map(a -> a.startsWith("--month=") ? "--months=2026-09..2026-10" : a)
                .toArray(String[]::new);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ExitCode code = CodeCred.run(new PrintStream(err, true, StandardCharsets.UTF_8), args);

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing started").contains("2026-10").hasLineCount(1);
        assertThat(september.outputDir().resolve("run-summary.json")).as("September never started").doesNotExist();
    }

    @Test
    void alreadyCompletedNamesTheRuleTablesChangedSince(CapturedOutput log) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(Path.of("src/test/resources/rules"), rules);
        TestMonth month = readyMonth("2026-10");
        assertThat(month.run("--rules=" + rules)).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.run("--rules=" + rules)).isEqualTo(ExitCode.COMPLETED);
        assertThat(log.getAll()).contains("already completed").doesNotContain("changed since");

        Files.writeString(rules.resolve("verdict.csv"), Files.readString(rules.resolve("verdict.csv")) + "\n");
        assertThat(month.run("--rules=" + rules)).isEqualTo(ExitCode.COMPLETED);
        assertThat(log.getAll()).contains("with other rule tables (verdict.csv changed since)").contains("--force");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
