package org.codecred.ingest;

import org.codecred.job.RunSettings;
import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.codecred.ingest.x12.X12ClaimReader;
import org.codecred.ingest.x12.X12Item;
import org.codecred.ingest.x12.X12LineParser;
import org.codecred.job.StepLog;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.scaleout.FilePartitioner;
import org.codecred.scaleout.Partitioning;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.YearMonth;
import java.util.List;

/**
 * Steps loadRoster, loadClaims and loadX12Claims: input CSV rows and 837P service lines to staging tables,
 * unreadable rows to the reject table (the claim loads one partition per file); then listRenderingNpis: the month's rendering NPIs, staged once for
 * the steps after.
 */
@Configuration
public class IngestStepsConfig {

    /** Rows per transaction; a restart resumes after the last committed chunk. */
    static final int CHUNK = 2000;

    // step 1

    @Bean
    public Step loadRoster(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           RunSettings settings, ProviderTable providers, RejectTable rejects, StepLog stepLog) {
        RosterRowParser parser = new RosterRowParser();
        return new StepBuilder("loadRoster", jobRepository)
                .<RawRow, IngestResult<Provider>>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(new CsvLineReader("roster", List.of(settings.rosterFile())))
                .processor(parser::parse)
                .writer(StagingWriters.roster(settings.month(), providers, rejects))
                .listener(stepLog)
                .build();
    }

    // step 2: one partition per claim file (on this machine's cores, or over workers: scaleout.Partitioning)

    @Bean
    public Step loadClaims(Partitioning partitioning, Step loadClaimsWorker, RunSettings settings) {
        return partitioning.partitioned("loadClaims", loadClaimsWorker, new FilePartitioner(settings::claimFiles));
    }

    @Bean
    public Step loadClaimsWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                 CsvLineReader claimFileReader, ItemProcessor<RawRow, IngestResult<ClaimLine>> claimRowParser,
                                 ItemWriter<IngestResult<ClaimLine>> claimLineWriter, StepLog stepLog) {
        return partitioning.workerStep("loadClaimsWorker")
                .<RawRow, IngestResult<ClaimLine>>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(claimFileReader)
                .processor(claimRowParser)
                .writer(claimLineWriter)
                .listener(stepLog)
                .build();
    }

    @Bean
    @StepScope
    public CsvLineReader claimFileReader(@Value("#{stepExecutionContext['file']}") String file) {
        return new CsvLineReader("claims", FilePartitioner.filesOf(file));
    }

    /** The month comes from the job, not this JVM's settings: a scale-out worker serves any month. */
    @Bean
    @StepScope
    public ItemProcessor<RawRow, IngestResult<ClaimLine>> claimRowParser(@Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month) {
        return new ClaimRowParser(month)::parse;
    }

    @Bean
    @StepScope
    public ItemWriter<IngestResult<ClaimLine>> claimLineWriter(ClaimLineTable lines, RejectTable rejects,
                                                               @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month) {
        return StagingWriters.claims(month, lines, rejects);
    }

    // step 2b: the month's 837P files, to the same staged claim lines, one partition per file (a month
    // without any is a step that reads nothing)

    @Bean
    public Step loadX12Claims(Partitioning partitioning, Step loadX12ClaimsWorker, RunSettings settings) {
        return partitioning.partitioned("loadX12Claims", loadX12ClaimsWorker, new FilePartitioner(settings::x12ClaimFiles));
    }

    @Bean
    public Step loadX12ClaimsWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                    X12ClaimReader x12FileReader,
                                    ItemProcessor<X12Item, IngestResult<ClaimLine>> x12LineParser,
                                    ItemWriter<IngestResult<ClaimLine>> claimLineWriter, StepLog stepLog) {
        return partitioning.workerStep("loadX12ClaimsWorker")
                .<X12Item, IngestResult<ClaimLine>>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(x12FileReader)
                .processor(x12LineParser)
                .writer(claimLineWriter)
                .listener(stepLog)
                .build();
    }

    /** As for CSV: the month comes from the job, and a line dated outside it is rejected. */
    @Bean
    @StepScope
    public ItemProcessor<X12Item, IngestResult<ClaimLine>> x12LineParser(@Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month) {
        return new X12LineParser(month)::parse;
    }

    @Bean
    @StepScope
    public X12ClaimReader x12FileReader(@Value("#{stepExecutionContext['file']}") String file) {
        return new X12ClaimReader("x12claims", FilePartitioner.filesOf(file));
    }

    // step 2c: one grouped pass over the loaded month, instead of one in each step that needs the NPI list

    @Bean
    public Step listRenderingNpis(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  RunSettings settings, RenderingNpiTable renderingNpis, StepLog stepLog) {
        return new StepBuilder("listRenderingNpis", jobRepository)
                // one transaction: a rerun replaces the month's list whole
                .tasklet((contribution, context) -> {
                    contribution.incrementWriteCount(renderingNpis.stage(settings.month()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }
}
