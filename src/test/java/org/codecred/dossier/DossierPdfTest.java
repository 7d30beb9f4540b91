package org.codecred.dossier;

import java.time.YearMonth;

import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the sample month's HOLD dossier and the summary as LibreOffice does (PDF) and reads the
 * pages back with pdftotext: every finding's message must appear whole, nothing cut off by a
 * neighbouring cell or a row too short. Needs libreoffice and poppler-utils (see .ci/run).
 */
@Tag("slow")
class DossierPdfTest {

    @Test
    void everyFindingMessageOfAHoldDossierAndTheSummaryReadsWholeInPrint(@TempDir Path tmp) throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        CommitteePacketTest.copy(Path.of("input/2026-10"), month.monthDir());
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        Path out = Files.createDirectories(tmp.resolve("pdf"));
        Path hold;
        try (Stream<Path> files = Files.list(month.outputDir().resolve("dossiers"))) {
            hold = files.filter(f -> f.getFileName().toString().endsWith("-Quill.xlsx")).findFirst().orElseThrow();
        }
        Path harrow;
        try (Stream<Path> files = Files.list(month.outputDir().resolve("dossiers"))) {
            harrow = files.filter(f -> f.getFileName().toString().endsWith("-Harrow.xlsx")).findFirst().orElseThrow();
        }
        Path summary = month.outputDir().resolve(SummaryWorkbook.fileName(YearMonth.parse("2026-10")));
        run(tmp, "libreoffice", "-env:UserInstallation=file://" + tmp.resolve("lo-profile"), "--headless",
                "--convert-to", "pdf", "--outdir", out.toString(), hold.toString(), harrow.toString(), summary.toString());

        // HOLD (Quill: NPI-INVALID) and the dossier with the most findings (Harrow): every message whole
        for (Path dossier : List.of(hold, harrow)) {
            String text = pdfText(tmp, out.resolve(dossier.getFileName().toString().replace(".xlsx", ".pdf")));
            String npi = dossier.getFileName().toString().substring(0, 10);
            List<String> messages = month.read("findings.csv").lines().skip(1).filter(l -> l.startsWith(npi))
                    .map(DossierPdfTest::message).toList();
            assertThat(messages).isNotEmpty();
            for (String message : messages) {
                assertThat(text).as(dossier.getFileName() + " prints: " + message).contains(words(message));
            }
        }
        String text = pdfText(tmp, out.resolve(SummaryWorkbook.fileName(YearMonth.parse("2026-10")).replace(".xlsx", ".pdf")));
        assertThat(text).contains(words("CONFIDENTIAL — contains PHI"));
        assertThat(text).contains(words("NPI fails the check digit"));
        assertThat(text).contains(words("Excluded by the OIG (LEIE)"));
    }

    /** The last CSV field of a findings.csv line (the message), unquoted. */
    private static String message(String csvLine) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csvLine.length(); i++) {
            char c = csvLine.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < csvLine.length() && csvLine.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.get(fields.size() - 1);
    }

    /**
     * Text without its whitespace: a message wrapped over lines reads the same (LibreOffice also
     * breaks after a dash, "38–" / "52", where no space was).
     */
    private static String words(String text) {
        return text.replaceAll("\\s+", "");
    }

    /**
     * The PDF's text in reading order, cell by cell: pdftotext's raw mode keeps each cell's wrapped
     * lines together; whitespace is normalised so wrapped lines join.
     */
    private static String pdfText(Path tmp, Path pdf) throws Exception {
        Path txt = tmp.resolve(pdf.getFileName() + ".txt");
        run(tmp, "pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), txt.toString());
        return words(Files.readString(txt, StandardCharsets.UTF_8));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(command[0] + " exit code; log: " + Files.readString(dir.resolve("process.log")))
                .isZero();
    }
}
