package org.codecred.report;

import org.codecred.domain.Provider;
import org.codecred.dossier.DossierFileName;
import org.codecred.dossier.DossierLoader;
import org.codecred.dossier.SummaryWorkbook;
import org.codecred.job.RunSettings;
import org.codecred.output.OutputFiles;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the month's report a slice of providers at a time: each call takes the next providers in
 * NPI order, a {@link DossierLoader#SLICE} of them per thread, each thread reading its slice's
 * dossiers (a query per table for the whole slice) and writing their pages. It remembers the last
 * NPI in the step's context, committed with the chunk, so a restart resumes after it; the last call
 * writes the month's index, its script and stylesheet, and output/index.html. Every file is written
 * atomically and says the same on a rewrite (the run's start time is the only time shown).
 */
public final class ReportWriter {

    static final String LAST_NPI = "report.lastNpi";

    private final ReportLoader reportLoader;
    private final DossierLoader dossierLoader;
    private final ProviderTable providers;
    private final RunSettings settings;
    private final ExecutorService threads;
    /**
     * A dossier slice per thread: reading the rows is most of a page's cost, so each thread reads its
     * slice (a query per table for the slice) and writes its pages.
     */
    private final int providersPerChunk;

    private YearMonth rosterMonth;
    private List<Provider> roster;
    private CredentialVocabulary credentials;

    ReportWriter(ReportLoader reportLoader, DossierLoader dossierLoader, ProviderTable providers, RunSettings settings,
                 int threads) {
        this.reportLoader = reportLoader;
        this.dossierLoader = dossierLoader;
        this.providers = providers;
        this.settings = settings;
        this.providersPerChunk = DossierLoader.SLICE * threads;
        // daemon threads: a run that stops half-way leaves nothing that keeps the JVM alive
        this.threads = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "report");
            t.setDaemon(true);
            return t;
        });
    }

    RepeatStatus writeNext(ExecutionContext context, LocalDateTime started) throws Exception {
        YearMonth month = settings.month();
        prepare(month);
        Links links = new Links(settings.outputRoot());
        Path report = settings.outputDir().resolve(Links.FOLDER);
        String after = context.containsKey(LAST_NPI) ? context.getString(LAST_NPI) : "";
        List<Provider> slice = roster.stream().filter(p -> p.npi().compareTo(after) > 0).limit(providersPerChunk).toList();
        if (!slice.isEmpty()) {
            writePages(slice, month, started, links, report);
            context.putString(LAST_NPI, slice.get(slice.size() - 1).npi());
            return RepeatStatus.CONTINUABLE;
        }
        MonthReport monthReport = reportLoader.month(month, roster, credentials, started, links);
        copyAsset(ReportFolder.SCRIPT, report);
        copyAsset(ReportFolder.STYLESHEET, report);
        String summary = SummaryWorkbook.fileName(month);
        String index = MonthIndexPage.render(monthReport,
                Files.isRegularFile(settings.outputDir().resolve(summary)) ? summary : null);
        OutputFiles.writeText(report.resolve(Links.INDEX), out -> out.write(index));
        String months = MonthsIndexPage.render(reportLoader.months(monthReport), links);
        OutputFiles.writeText(settings.outputRoot().resolve(Links.INDEX), out -> out.write(months));
        return RepeatStatus.FINISHED;
    }

    /** The roster in NPI order and the credential table, read once per month. */
    private void prepare(YearMonth month) {
        if (!month.equals(rosterMonth)) {
            roster = providers.all(month).stream().sorted(java.util.Comparator.comparing(Provider::npi)).toList();
            credentials = CredentialVocabulary.load(settings.rulesDir());
            rosterMonth = month;
        }
    }

    private void writePages(List<Provider> slice, YearMonth month, LocalDateTime started, Links links, Path report)
            throws Exception {
        Path pages = report.resolve(Links.PROVIDERS);
        Path dossiers = settings.outputDir().resolve("dossiers");
        List<Future<?>> written = new ArrayList<>();
        for (int from = 0; from < slice.size(); from += DossierLoader.SLICE) {
            List<Provider> part = slice.subList(from, Math.min(slice.size(), from + DossierLoader.SLICE));
            written.add(threads.submit(() -> {
                dossierLoader.forEach(month, part, started, dossier -> {
                    Provider provider = dossier.provider();
                    Path workbook = DossierFileName.resolve(dossiers, provider.npi(), provider.lastName());
                    String page = ProviderPage.render(dossier, credentials.family(provider.credential()).label(),
                            Files.isRegularFile(workbook) ? workbook.getFileName().toString() : null, links);
                    OutputFiles.writeText(pages.resolve(Links.pageName(provider.npi())), out -> out.write(page));
                });
                return null;
            }));
        }
        for (Future<?> part : written) {
            try {
                part.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
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
