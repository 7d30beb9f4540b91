package org.codecred.dossier;

import org.codecred.alignment.MetricTable;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.coding.CodeCatalog;
import org.codecred.coding.CodeDef;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.domain.Provider;
import org.codecred.domain.TimeBands;
import org.codecred.history.MonthHistory;
import org.codecred.job.ItemProgress;
import org.codecred.job.MonthReset;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.output.OutputFiles;
import org.codecred.scaleout.NpiRangePartitioner;
import org.codecred.scaleout.Partitioning;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.verdict.VerdictTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Steps writeDossiers (one workbook per rostered provider, partitioned by NPI range over the
 * machine's cores or over workers) and writeSummary (the month's summary workbook).
 */
@Configuration
public class DossierStepsConfig {

    /** The partition's key for the month's input folder. */
    static final String INPUT_DIR = "inputDir";

    /**
     * Providers per transaction ({@code codecred.dossiers-per-commit}). Each commit updates the job
     * repository (the step's row and its serialized context) and waits for the database's log to reach
     * the disk: at one provider per commit that was a fifth of the step, and going from 16 to 64 saved
     * about 5 of the 1M month's 107 CPU seconds. A restart resumes after the last committed provider and
     * writes the dossiers of the chunk that was cut again (at most 64, a fraction of a second), each the
     * same file as before (written atomically, named by the provider).
     */
    static final int DOSSIERS_PER_COMMIT = 64;

    @Bean
    public DossierLoader dossierLoader(ClaimLineTable lines, RenderingNpiTable renderingNpis, ProviderTable providers, FindingTable findings,
                                       CredentialCheckTable checks, MetricTable metrics,
                                       SpecialtyAlignmentTable alignments, VerdictTable verdicts,
                                       MonthHistory history, RejectTable rejects) {
        return new DossierLoader(lines, renderingNpis, providers, findings, checks, metrics, alignments, verdicts, history, rejects);
    }

    /** A month run anew removes the dossiers of its previous run: a provider no longer on the roster keeps none. */
    @Bean
    public MonthReset removeEarlierDossiers() {
        return settings -> {
            int removed = DossierFolder.removeWritten(settings.outputDir().resolve("dossiers"));
            if (removed > 0) {
                org.slf4j.LoggerFactory.getLogger(DossierStepsConfig.class).info(
                        "month {}: removed {} dossier(s) of the previous run; this run writes them anew",
                        settings.month(), removed);
            }
        };
    }

    // step 9: partitioned by provider range (on this machine's cores, or over workers: scaleout.Partitioning)

    @Bean
    public Step writeDossiers(Partitioning partitioning, Step writeDossiersWorker, ProviderTable providers,
                              RunSettings settings) {
        NpiRangePartitioner ranges = new NpiRangePartitioner(
                () -> providers.all(settings.month()).stream().map(Provider::npi).toList());
        String outputDir = settings.outputDir().toAbsolutePath().toString();
        // a worker serves any month: the month's input folder (its Sources sheet) travels with the partition
        String inputDir = settings.inputDir().toAbsolutePath().toString();
        return partitioning.partitioned("writeDossiers", writeDossiersWorker, grid -> {
            var partitions = ranges.partition(grid);
            partitions.values().forEach(context -> {
                context.putString(Partitioning.OUTPUT_DIR, outputDir);
                context.putString(INPUT_DIR, inputDir);
            });
            return partitions;
        });
    }

    @Bean
    public Step writeDossiersWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                    ProviderRangeReader dossierProviderReader, DossierAssembler dossierAssembler,
                                    DossierFileWriter dossierFileWriter, StepLog stepLog, ItemProgress dossierProgress,
                                    @Value("${codecred.dossiers-per-commit:0}") int dossiersPerCommit) {
        return partitioning.workerStep("writeDossiersWorker")
                .<Provider, Dossier>chunk(dossiersPerCommit > 0 ? dossiersPerCommit : DOSSIERS_PER_COMMIT)
                .transactionManager(transactionManager)
                .reader(dossierProviderReader)
                .processor(dossierAssembler)
                .writer(dossierFileWriter)
                .listener(stepLog)
                .listener(dossierProgress)
                .build();
    }

    /** writeDossiers is the longest step: done/total, rate and time left, every few seconds. */
    @Bean
    public ItemProgress dossierProgress(ProviderTable providers, RunSettings settings) {
        // a worker (--worker) serves any month and knows no total: it logs the count and rate only
        return new ItemProgress("writeDossiers: dossiers", () -> settings.month() == null ? 0 : providers.count(settings.month()));
    }

    @Bean
    @StepScope
    public ProviderRangeReader dossierProviderReader(ProviderTable providers,
                                                     @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month,
                                                     @Value("#{stepExecutionContext['fromNpi']}") String fromNpi,
                                                     @Value("#{stepExecutionContext['toNpi']}") String toNpi) {
        return new ProviderRangeReader(providers, month, fromNpi, toNpi);
    }

    @Bean
    @StepScope
    public DossierAssembler dossierAssembler(DossierLoader loader, JobRepository jobRepository,
                                             @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month,
                                             @Value("#{stepExecutionContext['toNpi']}") String toNpi,
                                             @Value("#{stepExecution}") StepExecution stepExecution) {
        return new DossierAssembler(loader, month, runStarted(jobRepository, stepExecution.getJobExecution()), toNpi);
    }

    /**
     * Writes each dossier atomically into the month's output folder named by the partition, then
     * its other views (the report's provider page) from the same dossier.
     */
    @Bean
    @StepScope
    public DossierFileWriter dossierFileWriter(@Value("#{stepExecutionContext['outputDir']}") String outputDir,
                                               @Value("#{stepExecutionContext['inputDir']}") String inputDir,
                                               RunFactsOnce runFacts, ObjectProvider<DossierView> views) {
        return new DossierFileWriter(Path.of(outputDir).resolve("dossiers"), Path.of(inputDir), runFacts,
                views.orderedStream().toList());
    }

    /** The run's facts (sources hashed, timed codes), computed once and shared by every partition. */
    @Bean
    public RunFactsOnce runFactsOnce(RunSettings settings) {
        return new RunFactsOnce(settings);
    }

    /**
     * One workbook file per dossier, each written to a temporary name and moved into place, then
     * each {@link DossierView} of the same dossier.
     */
    public static class DossierFileWriter implements ItemWriter<Dossier> {
        private final DossierWorkbook workbook = new DossierWorkbook();
        private final Path dossiers;
        private final Path inputDir;
        private final RunFactsOnce facts;
        private final List<DossierView> views;

        DossierFileWriter(Path dossiers, Path inputDir, RunFactsOnce facts, List<DossierView> views) {
            this.dossiers = dossiers;
            this.inputDir = inputDir;
            this.facts = facts;
            this.views = List.copyOf(views);
        }

        @Override
        public void write(Chunk<? extends Dossier> chunk) {
            for (Dossier dossier : chunk) {
                RunFacts run = facts.get(inputDir, dossier.generated(), null);
                Path target = DossierFileName.resolve(dossiers, dossier.provider().npi(), dossier.provider().lastName());
                OutputFiles.writeAtomically(target, temporary -> workbook.write(dossier, run, temporary));
                for (DossierView view : views) {
                    view.write(dossier, target);
                }
            }
        }
    }

    /**
     * The run's facts (source files hashed, timed codes read) computed once per run start and
     * shared by the partition threads.
     */
    public static final class RunFactsOnce {
        private final RunSettings settings;
        private LocalDateTime started;
        private Path inputDir;
        private List<org.codecred.sources.SourceFile> sources;
        private Set<String> timed;
        private TimeBands bands;

        RunFactsOnce(RunSettings settings) {
            this.settings = settings;
        }

        /** {@code monthInput}: the month's input folder (a worker's settings name no month). */
        synchronized RunFacts get(Path monthInput, LocalDateTime runStarted, LocalDateTime ended) {
            if (sources == null || !Objects.equals(started, runStarted) || !monthInput.equals(inputDir)) {
                sources = SourceFiles.of(monthInput, settings.rulesDir());
                timed = timedCodes(settings.rulesDir());
                bands = timeBands(settings.rulesDir());
                started = runStarted;
                inputDir = monthInput;
            }
            return new RunFacts(SourceFiles.version(), runStarted, ended, sources, timed, bands);
        }
    }

    /** The psychotherapy ladder's time bands; none when the code table cannot be read. */
    static TimeBands timeBands(Path rulesDir) {
        try {
            return TimeBands.ofRungs(CodeCatalog.load(rulesDir).rungs(CodeCatalog.PSYCHOTHERAPY));
        } catch (RuntimeException e) {
            return TimeBands.NONE; // validateCoding has already stopped the run on a bad code table
        }
    }

    /** Codes with a time band in the code table (any version); the default timed families when it cannot be read. */
    static Set<String> timedCodes(Path rulesDir) {
        try {
            CodeCatalog codes = CodeCatalog.load(rulesDir);
            return codes.codes().stream().filter(c -> codes.versions(c).stream().anyMatch(CodeDef::timed))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            return RunFacts.DEFAULT_TIMED; // validateCoding has already stopped the run on a bad code table
        }
    }

    // step 10

    @Bean
    public Step writeSummary(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RunSettings settings, ProviderTable providers, DossierLoader loader,
                             MonthHistory history, RunFactsOnce runFacts, StepLog stepLog) {
        return new StepBuilder("writeSummary", jobRepository)
                .tasklet((contribution, context) -> {
                    YearMonth month = settings.month();
                    SummaryWorkbook summary = new SummaryWorkbook();
                    Path target = settings.outputDir().resolve(SummaryWorkbook.fileName(month));
                    var rows = loader.providerRows(month, providers.all(month));
                    var rules = loader.ruleRows(month);
                    var unrostered = loader.unrostered(month);
                    var comparison = history.compare(month);
                    LocalDateTime started = runStarted(jobRepository, context.getStepContext().getStepExecution().getJobExecution());
                    RunFacts run = runFacts.get(settings.inputDir(), started,
                            LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0));
                    var facts = new SummaryWorkbook.MonthFacts(loader.runCounts(month, unrostered.size()),
                            loader.rejected(month), run, comparison);
                    var packet = new SummaryMonth(month, rows, rules, unrostered, facts, loader.rulesByProvider(month),
                            Map.of());
                    var docket = loader.docketFacts(month, rows.stream().filter(packet::onDocket)
                            .map(SummaryWorkbook.ProviderRow::provider).toList(), started);
                    var withDocket = new SummaryMonth(month, rows, rules, unrostered, facts, packet.rulesNow(), docket);
                    OutputFiles.writeAtomically(target, temporary -> summary.write(withDocket, temporary));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }

    /**
     * When the month's run first started, in UTC: the same on a resumed run, so a rewritten dossier
     * says the same.
     */
    public static LocalDateTime runStarted(JobRepository repository, JobExecution execution) {
        LocalDateTime local = repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(JobExecution::getStartTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(execution.getStartTime())
                .withNano(0);
        return local.atZone(java.time.ZoneId.systemDefault()).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
    }
}
