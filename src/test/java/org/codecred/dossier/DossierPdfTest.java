package org.codecred.dossier;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the sample month's packet as LibreOffice does (PDF, Letter, as the workbooks are set up):
 * per verdict the dossier with the most claim lines and the one with the most findings, and the
 * summary. A CLEAR of up to 100 lines prints in at most 3 pages, a HOLD or REVIEW in at most 8;
 * every finding's message appears whole (pdftotext), nothing cut off by a neighbouring cell or a
 * row too short; the Docket prints first, at least 15 providers a page. Needs libreoffice and
 * poppler-utils (see .ci/run).
 */
@Tag("slow")
class DossierPdfTest {

    @Test
    void theSampleMonthsPacketPrintsShortAndEveryFindingMessageWhole(@TempDir Path tmp) throws Exception {
        TestMonth month = new TestMonth(tmp, "2026-10");
        CommitteePacketTest.copy(Path.of("input/2026-10"), month.monthDir());
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        Path out = Files.createDirectories(tmp.resolve("pdf"));
        Path summary = month.outputDir().resolve(SummaryWorkbook.fileName(YearMonth.parse("2026-10")));

        // per verdict, the dossier with the most claim lines (a CLEAR of at most 100), and the one with the most findings
        Map<String, String> verdictOf = new HashMap<>();
        Map<String, Integer> linesOf = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(summary))) {
            Sheet providers = wb.getSheet("Providers");
            for (int r = 2; r <= providers.getLastRowNum(); r++) {
                String npi = providers.getRow(r).getCell(1).getStringCellValue();
                verdictOf.put(npi, providers.getRow(r).getCell(0).getStringCellValue());
                linesOf.put(npi, (int) providers.getRow(r).getCell(6).getNumericCellValue());
            }
        }
        List<String> findings = month.read("findings.csv").lines().skip(1).toList();
        Map<String, Long> findingsOf = findings.stream().collect(Collectors.groupingBy(l -> l.substring(0, 10), Collectors.counting()));
        Set<String> chosen = new TreeSet<>();
        for (String verdict : List.of("HOLD", "REVIEW", "CLEAR")) {
            List<String> npis = verdictOf.keySet().stream().filter(n -> verdictOf.get(n).equals(verdict))
                    .filter(n -> !verdict.equals("CLEAR") || linesOf.get(n) <= 100).sorted().toList();
            chosen.add(npis.stream().max(Comparator.comparing(linesOf::get)).orElseThrow());
            chosen.add(npis.stream().max(Comparator.comparing(n -> findingsOf.getOrDefault(n, 0L))).orElseThrow());
        }
        List<Path> dossiers = new ArrayList<>();
        try (Stream<Path> files = Files.list(month.outputDir().resolve("dossiers"))) {
            files.filter(f -> chosen.contains(f.getFileName().toString().substring(0, 10))).sorted().forEach(dossiers::add);
        }
        assertThat(dossiers).hasSize(chosen.size());
        List<String> command = new ArrayList<>(List.of("libreoffice", "-env:UserInstallation=file://" + tmp.resolve("lo-profile"),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString()));
        dossiers.forEach(d -> command.add(d.toString()));
        command.add(summary.toString());
        run(tmp, command.toArray(String[]::new));

        for (Path dossier : dossiers) {
            Path pdf = out.resolve(dossier.getFileName().toString().replace(".xlsx", ".pdf"));
            String npi = dossier.getFileName().toString().substring(0, 10);
            int limit = verdictOf.get(npi).equals("CLEAR") ? 3 : 8;
            assertThat(pages(tmp, pdf)).as(dossier.getFileName() + " (" + verdictOf.get(npi) + ", " + linesOf.get(npi)
                    + " lines) printed pages").isBetween(1, limit);
            String text = pdfText(tmp, pdf);
            List<String> messages = findings.stream().filter(l -> l.startsWith(npi)).map(DossierPdfTest::message).toList();
            for (String message : messages) {
                assertThat(text).as(dossier.getFileName() + " prints: " + message).contains(words(message));
            }
            if (verdictOf.get(npi).equals("CLEAR")) {
                assertThat(text).doesNotContain(words("no issue found")).contains(words("no decision needed"));
            }
        }

        Path summaryPdf = out.resolve(SummaryWorkbook.fileName(YearMonth.parse("2026-10")).replace(".xlsx", ".pdf"));
        String text = pdfText(tmp, summaryPdf);
        assertThat(text).contains(words("CONFIDENTIAL — contains PHI"));
        assertThat(text).contains(words("NPI fails the check digit"));
        assertThat(text).contains(words("Excluded by the OIG (LEIE)"));
        assertThat(text).contains(words(DocketSheet.DECISION_BOXES));
        // the Docket comes first and holds at least 15 providers on every full page
        long docketRows = verdictOf.values().stream().filter(v -> !v.equals("CLEAR")).count();
        int docketPages = 0;
        for (int page = 1; page <= pages(tmp, summaryPdf); page++) {
            if (pageText(tmp, summaryPdf, page).contains("Docket")) {
                docketPages++;
            }
        }
        assertThat(docketPages).isBetween(1, (int) Math.ceil(docketRows / 15.0));
        assertThat(pageText(tmp, summaryPdf, 1)).contains("Docket");
    }

    private static int pages(Path tmp, Path pdf) throws Exception {
        Path info = tmp.resolve(pdf.getFileName() + ".info");
        run(tmp, info, "pdfinfo", pdf.toString());
        return Files.readAllLines(info).stream().filter(l -> l.startsWith("Pages:"))
                .mapToInt(l -> Integer.parseInt(l.substring(6).trim())).findFirst().orElseThrow();
    }

    private static String pageText(Path tmp, Path pdf, int page) throws Exception {
        Path txt = tmp.resolve(pdf.getFileName() + "." + page + ".txt");
        run(tmp, "pdftotext", "-f", String.valueOf(page), "-l", String.valueOf(page), "-raw", "-enc", "UTF-8",
                pdf.toString(), txt.toString());
        return Files.readString(txt, StandardCharsets.UTF_8);
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
        run(dir, dir.resolve("process.log"), command);
    }

    private static void run(Path dir, Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(command[0] + " exit code; log: " + Files.readString(log))
                .isZero();
    }
}
