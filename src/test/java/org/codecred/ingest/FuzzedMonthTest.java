package org.codecred.ingest;

import org.codecred.cli.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: the whole job on a month of generated hostile claim rows. It completes; the counts add
 * up to the lines in the file; and no member id appears in any output file (workbooks opened up
 * included) or in the log.
 */
class FuzzedMonthTest {

    @TempDir
    Path tmp;

    @Test
    void aHostileMonthCompletesAndNoMemberIdLeavesIt() throws Exception {
        HostileRowGenerator generator = new HostileRowGenerator(1919L);
        TestMonth month = new TestMonth(tmp, "2026-10");
        month.roster(TestMonth.provider("LCSW", "trauma"));
        byte[] claims = generator.claims(400);
        Files.write(month.monthDir().resolve("claims-fuzz.csv"), claims);

        PrintStream console = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExitCode code;
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            code = month.run();
        } finally {
            System.setOut(console);
        }
        assertThat(code).as(month.lastMessage).isEqualTo(ExitCode.COMPLETED);

        String summary = month.read("run-summary.json");
        int lines = HostileRowGenerator.dataLines(claims).size();
        assertThat(summary).contains("\"lines_read\": " + lines + ",");
        assertThat(month.query("SELECT COUNT(*) FROM codecred.claim_line")).isNotEqualTo(List.of("0"));

        List<String> leaks = new ArrayList<>(IngestFuzzTest.leaked(log.toString(StandardCharsets.UTF_8) + month.lastMessage,
                generator.memberIds()));
        try (Stream<Path> files = Files.walk(month.outputDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String text : texts(file)) {
                    leaks.addAll(IngestFuzzTest.leaked(text, generator.memberIds()).stream().map(m -> file.getFileName() + ": " + m).toList());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** A file's text; for a workbook, the text of every part inside it. */
    private static List<String> texts(Path file) throws Exception {
        if (!file.toString().endsWith(".xlsx")) {
            return List.of(Files.readString(file, StandardCharsets.UTF_8));
        }
        List<String> parts = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    parts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }
}
