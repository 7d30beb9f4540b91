package org.codecred.report;

import org.codecred.alignment.MetricTable;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.database.Dialect;
import org.codecred.domain.Provider;
import org.codecred.dossier.DossierFileName;
import org.codecred.dossier.DossierLoader;
import org.codecred.generate.SampleMonthGenerator;
import org.codecred.history.HistoryTables;
import org.codecred.history.MonthHistory;
import org.codecred.job.ExitCode;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.staging.StagingEngine;
import org.codecred.testing.TestMonth;
import org.codecred.verdict.VerdictTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * writeDossiers writes each provider's page right after the workbook, from the same dossier: with
 * writeSummary made to fail (a folder where the summary workbook goes), the run stops before
 * writeReport, and every rostered provider already has its page, the one a fresh read of the
 * dossier renders (as writeReport rendered it when it read every dossier again). The resumed run
 * writes the month's index, leaves the pages as they are, and writes a page found missing.
 */
class ProviderPagesTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void writeDossiersWritesEveryProvidersPageFromItsDossier(@TempDir Path tmp) throws Exception {
        TestMonth september = new TestMonth(tmp, "2026-09");
        TestMonth october = new TestMonth(tmp, "2026-10");
        SampleMonthGenerator.generateMonths(YearMonth.of(2026, 9), MONTH, 12, 1_500, 5, october.input);
        assertThat(september.run()).isEqualTo(ExitCode.COMPLETED);
        Path summary = october.outputDir().resolve("credentialing-summary-2026-10.xlsx");
        Files.createDirectories(summary);
        Files.writeString(summary.resolve("in the way"), "writeSummary cannot put its workbook here");

        assertThat(october.run()).isEqualTo(ExitCode.FAILED);
        Path report = october.outputDir().resolve(Links.FOLDER);
        assertThat(report.resolve(Links.INDEX)).as("writeReport has not run").doesNotExist();
        Map<String, String> pages = pages(report.resolve(Links.PROVIDERS));

        try (Connection connection = october.connect();
             StagingEngine engine = StagingEngine.open(Dialect.embedded(october.db).stagingEngine().orElseThrow())) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            ClaimLineTable lines = new ClaimLineTable(engine);
            DossierLoader loader = new DossierLoader(lines, new RenderingNpiTable(jdbc, lines), new ProviderTable(jdbc),
                    new FindingTable(jdbc), new CredentialCheckTable(jdbc), new MetricTable(engine),
                    new SpecialtyAlignmentTable(jdbc), new VerdictTable(jdbc), new MonthHistory(new HistoryTables(jdbc)),
                    new RejectTable(jdbc));
            List<Provider> roster = new ProviderTable(jdbc).all(MONTH);
            CredentialVocabulary credentials = CredentialVocabulary.load(Path.of("src/test/resources/rules"));
            Links links = new Links(october.output);
            Path dossiers = october.outputDir().resolve("dossiers");
            assertThat(roster).hasSizeGreaterThan(10);
            assertThat(pages.keySet()).hasSize(roster.size());
            // the page shows no run time: any will do for the dossier read again
            loader.forEach(MONTH, roster, LocalDateTime.of(2026, 11, 2, 8, 30), dossier -> {
                Provider p = dossier.provider();
                Path workbook = DossierFileName.resolve(dossiers, p.npi(), p.lastName());
                assertThat(workbook).isRegularFile();
                assertThat(pages.get(Links.pageName(p.npi()))).as("the page of %s", p.npi()).isEqualTo(ProviderPage.render(
                        dossier, credentials.family(p.credential()).label(), workbook.getFileName().toString(), links));
            });
        }
        assertThat(String.join("\n", pages.values())).as("links to the workbooks and to September's pages")
                .contains("href=\"../../dossiers/", "href=\"../../../2026-09/report/providers/");

        Files.delete(summary.resolve("in the way"));
        Files.delete(summary);
        // a page writeDossiers did not write (a month stopped by a version that wrote pages in writeReport):
        // writeReport writes it, the same page
        Files.delete(report.resolve(Links.PROVIDERS).resolve(pages.keySet().iterator().next()));
        assertThat(october.run()).isEqualTo(ExitCode.COMPLETED);
        assertThat(report.resolve(Links.INDEX)).isRegularFile();
        assertThat(pages(report.resolve(Links.PROVIDERS))).isEqualTo(pages);
    }

    private static Map<String, String> pages(Path folder) throws IOException {
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path page : files.toList()) {
                pages.put(page.getFileName().toString(), Files.readString(page));
            }
        }
        return pages;
    }
}
