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
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * Steps loadRoster, loadClaims and loadX12Claims: input CSV rows and 837P service lines to staging tables,
 * unreadable rows to the reject table; then listRenderingNpis: the month's rendering NPIs, staged once for
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
                .writer(StagingWriters.roster(settings.monthKey(), providers, rejects))
                .listener(stepLog)
                .build();
    }

    // step 2

    @Bean
    public Step loadClaims(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           RunSettings settings, ClaimLineTable lines, RejectTable rejects, StepLog stepLog) {
        ClaimRowParser parser = new ClaimRowParser(settings.month());
        return new StepBuilder("loadClaims", jobRepository)
                .<RawRow, IngestResult<ClaimLine>>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(new CsvLineReader("claims", settings.claimFiles()))
                .processor(parser::parse)
                .writer(StagingWriters.claims(settings.monthKey(), lines, rejects))
                .listener(stepLog)
                .build();
    }

    // step 2b: the month's 837P files, to the same staged claim lines (a month without any is a step that reads nothing)

    @Bean
    public Step loadX12Claims(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              RunSettings settings, ClaimLineTable lines, RejectTable rejects, StepLog stepLog) {
        X12LineParser parser = new X12LineParser();
        return new StepBuilder("loadX12Claims", jobRepository)
                .<X12Item, IngestResult<ClaimLine>>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(new X12ClaimReader("x12claims", settings.x12ClaimFiles()))
                .processor(parser::parse)
                .writer(StagingWriters.claims(settings.monthKey(), lines, rejects))
                .listener(stepLog)
                .build();
    }

    // step 2c: one grouped pass over the loaded month, instead of one in each step that needs the NPI list

    @Bean
    public Step listRenderingNpis(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  RunSettings settings, RenderingNpiTable renderingNpis, StepLog stepLog) {
        return new StepBuilder("listRenderingNpis", jobRepository)
                // one transaction: a rerun replaces the month's list whole
                .tasklet((contribution, context) -> {
                    contribution.incrementWriteCount(renderingNpis.stage(settings.monthKey()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }
}
