package org.codecred.dossier;

import org.codecred.alignment.MetricTable;
import org.codecred.alignment.SpecialtyAlignmentTable;
import org.codecred.job.RunSettings;
import org.codecred.credentials.CredentialCheckTable;
import org.codecred.domain.Provider;
import org.codecred.job.StepLog;
import org.codecred.output.OutputFiles;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.verdict.VerdictTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Objects;

/**
 * Steps writeDossiers (one workbook per rostered provider, partitioned by NPI range over the
 * machine's cores) and writeSummary (the month's summary workbook).
 */
@Configuration
public class DossierStepsConfig {

    /** Providers per transaction: the restart granularity is the provider. */
    static final int PROVIDERS_PER_CHUNK = 1;
    /** Partitions per worker thread: more, smaller ranges even out providers of unequal volume. */
    static final int PARTITIONS_PER_THREAD = 2;

    @Bean
    public DossierLoader dossierLoader(ClaimLineTable lines, RenderingNpiTable renderingNpis, ProviderTable providers, FindingTable findings,
                                       CredentialCheckTable checks, MetricTable metrics,
                                       SpecialtyAlignmentTable alignments, VerdictTable verdicts) {
        return new DossierLoader(lines, renderingNpis, providers, findings, checks, metrics, alignments, verdicts);
    }

    // step 9: partitioned by provider range

    @Bean
    public Step writeDossiers(JobRepository jobRepository, Step writeDossiersWorker, ProviderTable providers,
                              RunSettings settings, StepLog stepLog,
                              @Value("${codecred.dossier.threads:0}") int threads) {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("dossier-");
        executor.setConcurrencyLimit(workers);
        ProviderRangePartitioner partitioner = new ProviderRangePartitioner(
                () -> providers.all(settings.monthKey()).stream().map(Provider::npi).toList());
        return new StepBuilder("writeDossiers", jobRepository)
                .partitioner(writeDossiersWorker.getName(), partitioner)
                .step(writeDossiersWorker)
                .gridSize(workers * PARTITIONS_PER_THREAD)
                .taskExecutor(executor)
                .listener(stepLog)
                .build();
    }

    @Bean
    public Step writeDossiersWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    ProviderRangeReader dossierProviderReader, DossierAssembler dossierAssembler,
                                    ItemWriter<Dossier> dossierFileWriter, StepLog stepLog) {
        return new StepBuilder("writeDossiersWorker", jobRepository)
                .<Provider, Dossier>chunk(PROVIDERS_PER_CHUNK)
                .transactionManager(transactionManager)
                .reader(dossierProviderReader)
                .processor(dossierAssembler)
                .writer(dossierFileWriter)
                .listener(stepLog)
                .build();
    }

    @Bean
    @StepScope
    public ProviderRangeReader dossierProviderReader(ProviderTable providers, RunSettings settings,
                                                     @Value("#{stepExecutionContext['fromNpi']}") String fromNpi,
                                                     @Value("#{stepExecutionContext['toNpi']}") String toNpi) {
        return new ProviderRangeReader(providers, settings.monthKey(), fromNpi, toNpi);
    }

    @Bean
    @StepScope
    public DossierAssembler dossierAssembler(DossierLoader loader, RunSettings settings, JobRepository jobRepository,
                                             @Value("#{stepExecution}") StepExecution stepExecution) {
        return new DossierAssembler(loader, settings.monthKey(), runStarted(jobRepository, stepExecution.getJobExecution()));
    }

    @Bean
    public ItemWriter<Dossier> dossierFileWriter(RunSettings settings) {
        DossierWorkbook workbook = new DossierWorkbook();
        Path dossiers = settings.outputDir().resolve("dossiers");
        return chunk -> {
            for (Dossier dossier : chunk) {
                Path target = DossierFileName.resolve(dossiers, dossier.provider().npi(), dossier.provider().lastName());
                OutputFiles.writeAtomically(target, temporary -> workbook.write(dossier, temporary));
            }
        };
    }

    // step 10

    @Bean
    public Step writeSummary(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RunSettings settings, ProviderTable providers, DossierLoader loader, StepLog stepLog) {
        return new StepBuilder("writeSummary", jobRepository)
                .tasklet((contribution, context) -> {
                    String month = settings.monthKey();
                    SummaryWorkbook summary = new SummaryWorkbook();
                    Path target = settings.outputDir().resolve(SummaryWorkbook.fileName(month));
                    var rows = loader.providerRows(month, providers.all(month));
                    var rules = loader.ruleRows(month);
                    var unrostered = loader.unrostered(month);
                    OutputFiles.writeAtomically(target, temporary -> summary.write(month, rows, rules, unrostered, temporary));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }

    /** When the month's run first started: the same on a resumed run, so a rewritten dossier says the same. */
    static LocalDateTime runStarted(JobRepository repository, JobExecution execution) {
        return repository.getJobExecutions(execution.getJobInstance()).stream()
                .map(JobExecution::getStartTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(execution.getStartTime())
                .withNano(0);
    }
}
