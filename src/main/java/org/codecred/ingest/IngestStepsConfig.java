package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.codecred.job.ItemSlices;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.scaleout.FilePartitioner;
import org.codecred.scaleout.Partitioning;
import org.codecred.staging.ClaimLineSpool;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.YearMonth;
import java.util.List;

/**
 * Steps loadRoster and loadClaims: input CSV rows to staging tables, unreadable rows to the reject
 * table (the claim load one partition per file; with a staging engine, accepted lines go to its spool
 * and stageClaimLines hands them to the engine, in NPI order); then listRenderingNpis: the month's
 * rendering NPIs, staged once for the steps after. The 837P files' step (loadX12Claims, between the
 * two loads) is X12StepsConfig's (in ingest.x12); it stages through {@link #claimLineWriter}.
 */
@Configuration
public class IngestStepsConfig {

    /** Roster rows per transaction; a restart resumes after the last committed chunk. */
    private static final int ROSTER_ROWS_PER_COMMIT = 2000;

    /** Rows per item of loadClaims (a slice, see {@link ItemSlices}). */
    static final int ROWS_PER_SLICE = 500;

    /**
     * Claim lines per transaction of loadClaims and loadX12Claims ({@code codecred.claim-lines-per-commit};
     * in loadClaims, above one slice, whole slices). Each commit is one transaction of the staging engine, which writes and
     * syncs its log, and one of the job repository: at 2,000 lines a commit that was about an eighth
     * of the step's time on the 1M month (docs/performance.md). A restart reads again at most one
     * chunk of lines, each staged once (the rows past the last commit are cleared first).
     */
    static final int CLAIM_LINES_PER_COMMIT = 10_000;

    // step 1

    @Bean
    public Step loadRoster(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           RunSettings settings, ProviderTable providers, RejectTable rejects, StepLog stepLog) {
        RosterRowParser parser = new RosterRowParser();
        return new StepBuilder("loadRoster", jobRepository)
                .<RawRow, IngestResult<Provider>>chunk(ROSTER_ROWS_PER_COMMIT)
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

    /** Items are slices of rows ({@link ItemSlices}); the step still counts rows read and written. */
    @Bean
    public Step loadClaimsWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                 ItemSlices<RawRow> claimFileReader,
                                 ItemProcessor<List<RawRow>, List<IngestResult<ClaimLine>>> claimRowParser,
                                 ItemStreamWriter<IngestResult<ClaimLine>> claimLineWriter, StepLog stepLog,
                                 @Value("${codecred.claim-lines-per-commit:0}") int linesPerCommit) {
        int slicesPerCommit = (claimLinesPerCommit(linesPerCommit) + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE;
        return partitioning.workerStep("loadClaimsWorker")
                .<List<RawRow>, List<IngestResult<ClaimLine>>>chunk(slicesPerCommit)
                .transactionManager(transactionManager)
                .reader(claimFileReader)
                .processor(claimRowParser)
                .writer(slices -> ItemSlices.writeSlices(slices, claimLineWriter))
                .stream(claimLineWriter) // the spool's position, saved with the reader's
                .listener(stepLog)
                .build();
    }

    /** The claim lines per commit of both claim loads (CSV and 837P): the option's, or the default. */
    public static int claimLinesPerCommit(int option) {
        return option > 0 ? option : CLAIM_LINES_PER_COMMIT;
    }

    @Bean
    @StepScope
    public ItemSlices<RawRow> claimFileReader(@Value("#{stepExecutionContext['file']}") String file,
                                         @Value("${codecred.claim-lines-per-commit:0}") int linesPerCommit) {
        // a commit of fewer lines than a slice is one slice of that many
        int rows = Math.min(claimLinesPerCommit(linesPerCommit), ROWS_PER_SLICE);
        return new ItemSlices<>(new CsvLineReader("claims", FilePartitioner.filesOf(file)), rows);
    }

    /** The month comes from the job, not this JVM's settings: a scale-out worker serves any month. */
    @Bean
    @StepScope
    public ItemProcessor<List<RawRow>, List<IngestResult<ClaimLine>>> claimRowParser(
            @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month, EarlierClaims earlierClaims) {
        ClaimRowParser parser = new ClaimRowParser(month, earlierClaims);
        return rows -> {
            List<IngestResult<ClaimLine>> results = new java.util.ArrayList<>(rows.size());
            for (RawRow row : rows) {
                results.add(parser.parse(row));
            }
            return results;
        };
    }

    /** One per load partition: its spool is named after the partition, the same when it restarts. */
    @Bean
    @StepScope
    public ItemStreamWriter<IngestResult<ClaimLine>> claimLineWriter(ClaimLineTable lines, RejectTable rejects,
                                                                     ObjectProvider<ClaimLineSpool> spool,
                                                                     @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month,
                                                                     @Value("#{stepExecution.stepName}") String partition) {
        ClaimLineSpool engineSpool = spool.getIfAvailable();
        return new ClaimLineWriter(month, lines, rejects, engineSpool == null ? null : engineSpool.writer(month, partition));
    }

    // step 2b: the spooled lines into the staging engine, in NPI order (after both loads; nothing without an engine)

    @Bean
    public Step stageClaimLines(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                RunSettings settings, ObjectProvider<ClaimLineSpool> spool, StepLog stepLog) {
        return new StepBuilder("stageClaimLines", jobRepository)
                // one engine transaction: a rerun after a kill replaces the month's lines whole
                .tasklet((contribution, context) -> {
                    spool.ifAvailable(s -> contribution.incrementWriteCount(s.stage(settings.month())));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }

    // step 2c: resubmissions, replacements and voids over everything loaded, in arrival order

    @Bean
    public Step resolveClaims(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              RunSettings settings, ClaimLineTable lines, RejectTable rejects, FindingTable findings,
                              EarlierClaims earlierClaims, StepLog stepLog) {
        return new StepBuilder("resolveClaims", jobRepository)
                // one transaction: a kill leaves the month as loaded, and the rerun resolves it whole
                .tasklet((contribution, context) -> new ResolveClaimsTasklet(settings.month(), lines, rejects, findings,
                        earlierClaims).execute(contribution, context), transactionManager)
                .listener(stepLog)
                .build();
    }

    // step 2d: one grouped pass over the loaded month, instead of one in each step that needs the NPI list

    @Bean
    public Step listRenderingNpis(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  RunSettings settings, RenderingNpiTable renderingNpis, ObjectProvider<ClaimLineSpool> spool,
                                  StepLog stepLog) {
        return new StepBuilder("listRenderingNpis", jobRepository)
                // one transaction: a rerun replaces the month's list whole
                .tasklet((contribution, context) -> {
                    // staged, and stageClaimLines committed: the spools are no longer needed
                    spool.ifAvailable(s -> s.remove(settings.month()));
                    contribution.incrementWriteCount(renderingNpis.stage(settings.month()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }
}
