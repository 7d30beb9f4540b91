package org.codecred.report;

import org.codecred.domain.Provider;
import org.codecred.dossier.DossierFileName;
import org.codecred.dossier.DossierLoader;
import org.codecred.dossier.SummaryWorkbook;
import org.codecred.job.RunSettings;
import org.codecred.output.OutputFiles;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.ProviderTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the month's index page, its script and stylesheet, and output/index.html. The provider
 * pages are written before, by writeDossiers ({@link ProviderPageWriter}), from the dossiers it
 * assembles for the workbooks. Every file is written atomically and says the same on a rewrite
 * (the run's start time is the only time shown), so a restart simply writes them again.
 */
public final class ReportWriter {

    private final ReportLoader reportLoader;
    private final DossierLoader dossierLoader;
    private final ProviderTable providers;
    private final RunSettings settings;

    ReportWriter(ReportLoader reportLoader, DossierLoader dossierLoader, ProviderTable providers, RunSettings settings) {
        this.reportLoader = reportLoader;
        this.dossierLoader = dossierLoader;
        this.providers = providers;
        this.settings = settings;
    }

    void write(LocalDateTime started) {
        YearMonth month = settings.month();
        List<Provider> roster = providers.all(month).stream().sorted(Comparator.comparing(Provider::npi)).toList();
        CredentialVocabulary credentials = CredentialVocabulary.load(settings.rulesDir());
        Links links = new Links(settings.outputRoot());
        Path report = settings.outputDir().resolve(Links.FOLDER);
        writeMissingPages(month, roster, credentials, started);
        MonthReport monthReport = reportLoader.month(month, roster, credentials, started, links);
        copyAsset(ReportFolder.SCRIPT, report);
        copyAsset(ReportFolder.STYLESHEET, report);
        String summary = SummaryWorkbook.fileName(month);
        String index = MonthIndexPage.render(monthReport,
                Files.isRegularFile(settings.outputDir().resolve(summary)) ? summary : null);
        OutputFiles.writeText(report.resolve(Links.INDEX), out -> out.write(index));
        String months = MonthsIndexPage.render(reportLoader.months(monthReport), links);
        OutputFiles.writeText(settings.outputRoot().resolve(Links.INDEX), out -> out.write(months));
    }

    /**
     * The pages of rostered providers that writeDossiers did not write: none on a run of this version,
     * but a month stopped inside writeReport by a version that wrote the pages here, and resumed by this
     * one, finds its writeDossiers complete and some pages missing. Read and written as writeDossiers
     * writes them, so every link of the index leads to a page.
     */
    private void writeMissingPages(YearMonth month, List<Provider> roster, CredentialVocabulary credentials,
                                   LocalDateTime started) {
        Path pages = settings.outputDir().resolve(Links.FOLDER).resolve(Links.PROVIDERS);
        List<Provider> missing = roster.stream()
                .filter(p -> !Files.isRegularFile(pages.resolve(Links.pageName(p.npi())))).toList();
        if (missing.isEmpty()) {
            return;
        }
        ProviderPageWriter pageWriter = new ProviderPageWriter(settings.outputDir(), credentials);
        Path dossiers = settings.outputDir().resolve("dossiers");
        dossierLoader.forEach(month, missing, started, dossier -> pageWriter.write(dossier,
                DossierFileName.resolve(dossiers, dossier.provider().npi(), dossier.provider().lastName())));
    }

    private static void copyAsset(String name, Path report) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the CodeCred jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            OutputFiles.writeText(report.resolve(name), out -> out.write(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's " + name + ": " + e.getMessage(), e);
        }
    }
}
