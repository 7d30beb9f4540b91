package org.codecred.report;

import org.codecred.generate.SampleMonthGenerator;
import org.codecred.job.ExitCode;
import org.codecred.testing.TestMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two generated months run as a user would, with a provider whose roster name is markup planted
 * in the second: the report's files are there, every link leads to a file, nothing points outside
 * the output folder, markup from the data stays text and no member id or birth date shows in clear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportJobTest {

    static final String HOSTILE_NPI = "1999999996";
    static final String HOSTILE_LAST = "<script>window.pwned=1</script>";
    static final String HOSTILE_FIRST = "<img src=x onerror=window.pwned=2>";

    private TestMonth month;
    private List<Path> pages;

    @BeforeAll
    void runTwoMonths(@TempDir Path tmp) throws Exception {
        month = new TestMonth(tmp, "2026-10");
        SampleMonthGenerator.generateMonths(YearMonth.of(2026, 9), YearMonth.of(2026, 10), 6, 300, 11, month.input);
        plantHostileName(month.monthDir().resolve("roster.csv"));
        assertThat(new TestMonth(tmp, "2026-09").run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(month.run()).isEqualTo(ExitCode.COMPLETED);
        try (Stream<Path> files = Files.walk(month.output)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** A roster row whose names are markup, with the generated roster's columns. */
    static void plantHostileName(Path roster) throws IOException {
        String header = Files.readAllLines(roster, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
        List<String> columns = List.of(header.split(","));
        String[] row = new String[columns.size()];
        java.util.Arrays.fill(row, "");
        row[columns.indexOf("npi")] = HOSTILE_NPI;
        row[columns.indexOf("last_name")] = HOSTILE_LAST;
        row[columns.indexOf("first_name")] = HOSTILE_FIRST;
        row[columns.indexOf("credential")] = "LCSW";
        Files.writeString(roster, String.join(",", row) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void theReportHasAnIndexAPagePerProviderAndTheMonthsIndex() throws IOException {
        Path report = month.outputDir().resolve("report");
        assertThat(report.resolve("index.html")).isRegularFile();
        assertThat(report.resolve("report.js")).isRegularFile();
        assertThat(report.resolve("report.css")).isRegularFile();
        assertThat(month.output.resolve("index.html")).isRegularFile();
        long rostered = Files.readAllLines(month.monthDir().resolve("roster.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",")[0].replace("\uFEFF", "")).filter(n -> n.matches("\\d{10}"))
                .distinct().count();
        try (Stream<Path> files = Files.list(report.resolve("providers"))) {
            assertThat(files.count()).isEqualTo(rostered);
        }
        String months = Files.readString(month.output.resolve("index.html"));
        assertThat(months).contains("href=\"2026-10/report/index.html\"", "href=\"2026-09/report/index.html\"");
    }

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    @Test
    void everyLinkOfTheReportLeadsToAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                links++;
                String href = m.group(1).replace("&amp;", "&");
                assertThat(href).as("a link in %s", page).doesNotContain(":").doesNotStartWith("/");
                String path = URLDecoder.decode(href.replaceFirst("#.*$", ""), StandardCharsets.UTF_8);
                Path target = page.getParent().resolve(path).normalize();
                if (!Files.isRegularFile(target) || !target.startsWith(month.output)) {
                    broken.add(month.output.relativize(page) + " -> " + href);
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(links).as("links checked").isGreaterThan(pages.size() * 3);
        // the links a user follows across months and into the workbooks are among them
        String all = String.join("\n", pages.stream().map(ReportJobTest::read).toList());
        assertThat(all).contains("href=\"../../2026-09/report/index.html\"", "href=\"../../dossiers/",
                "href=\"../../../2026-09/report/providers/");
    }

    @Test
    void markupInTheDataIsShownAsText() throws IOException {
        Path page = month.outputDir().resolve("report/providers/" + HOSTILE_NPI + ".html");
        String text = Files.readString(page);
        assertThat(text).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;", "&lt;img src=x onerror=window.pwned=2&gt;")
                .doesNotContain(HOSTILE_LAST, HOSTILE_FIRST);
        for (Path each : pages) {
            // the only script element of the report is its own file's
            assertThat(read(each).split("<script", -1).length - 1).as("script elements in %s", each)
                    .isLessThanOrEqualTo(1);
            assertThat(read(each)).doesNotContain(HOSTILE_LAST).doesNotContain("<img");
        }
        assertThat(Files.readString(month.outputDir().resolve("report/index.html")))
                .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;");
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicy() {
        for (Path page : pages) {
            assertThat(read(page)).as("%s", page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;");
        }
    }

    @Test
    void noMemberIdOrBirthDateShowsInClear() throws IOException {
        Set<String> ids = new HashSet<>();
        Set<String> births = new HashSet<>();
        try (Stream<Path> files = Files.list(month.monthDir())) {
            for (Path claims : files.filter(f -> f.getFileName().toString().matches("claims.*\\.csv")).toList()) {
                List<String> lines = Files.readAllLines(claims, StandardCharsets.UTF_8);
                List<String> header = List.of(lines.get(0).replace("\uFEFF", "").toLowerCase(java.util.Locale.ROOT).split(","));
                int id = header.indexOf("member_id");
                int dob = header.indexOf("member_dob");
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    if (f.length == header.size()) {
                        if (f[id].length() > 4) {
                            ids.add(f[id]);
                        }
                        if (!f[dob].isBlank()) {
                            births.add(f[dob]);
                            // US dates (MM/DD/YYYY) would show as ISO dates
                            births.add(f[dob].replaceFirst("^(\\d\\d)/(\\d\\d)/(\\d{4})$", "$3-$1-$2"));
                        }
                    }
                }
            }
        }
        assertThat(ids).isNotEmpty();
        String all = String.join("\n", pages.stream().map(ReportJobTest::read).toList());
        assertThat(all).contains("member ****");
        assertThat(ids.stream().filter(all::contains).toList()).isEmpty();
        assertThat(births.stream().filter(all::contains).toList()).isEmpty();
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
