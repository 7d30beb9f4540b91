package org.codecred.job;

import org.codecred.database.Dialect;
import org.codecred.database.MonthLock;
import org.codecred.staging.ClaimLineSpool;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.EarlierStaging;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.staging.StagingEngine;
import org.codecred.staging.StagingSchema;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import javax.sql.DataSource;

/**
 * The monthly job, read top to bottom: load, validate, check, align, decide, write. Each step is
 * defined in the package of its part of the flow; this class only puts them in order (by bean name,
 * so the job depends on no step's package; the run summary is output's {@code RunSummaryWriter}).
 */
@Configuration
public class MonthlyJobConfig {


    public static final String JOB_NAME = "monthlyJob";

    // job

    @Bean
    public Job monthlyJob(JobRepository jobRepository, JobExecutionListener runSummaryWriter,
                          Step prepareMonth, Step loadRoster, Step loadClaims, Step loadX12Claims,
                          Step stageClaimLines, Step resolveClaims, Step listRenderingNpis, Step validateCoding,
                          Step checkCredentials, Step alignSpecialties, Step comparePeers, Step decideVerdicts,
                          Step writeFindings, Step writeDossiers, Step writeSummary, Step writeReport,
                          Step recordHistory) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runSummaryWriter)
                .start(prepareMonth)
                .next(loadRoster)
                .next(loadClaims)
                .next(loadX12Claims)
                .next(stageClaimLines)
                .next(resolveClaims)
                .next(listRenderingNpis)
                .next(validateCoding)
                .next(checkCredentials)
                .next(alignSpecialties)
                .next(comparePeers)
                .next(decideVerdicts)
                .next(writeFindings)
                .next(writeDossiers)
                .next(writeSummary)
                .next(writeReport)
                .next(recordHistory)
                .build();
    }

    // step 0: a new run of a month (first or forced) starts from empty staging; a restart skips this step

    @Bean
    public Step prepareMonth(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             StagingSchema schema, ClaimLineTable claimLines, ObjectProvider<ClaimLineSpool> spool,
                             RunSettings settings, List<MonthReset> resets, StepLog stepLog) {
        return new StepBuilder("prepareMonth", jobRepository)
                // one transaction per batch of deleted rows: called again while rows remain
                .tasklet((contribution, context) -> {
                    if (schema.clearMonth(settings.month(), 50_000) > 0) {
                        return RepeatStatus.CONTINUABLE;
                    }
                    claimLines.clearEngineMonth(settings.month()); // the staging engine's lines and metrics, if any
                    spool.ifAvailable(s -> s.remove(settings.month())); // and a killed run's spools
                    // outputs of a previous run that this run may not rewrite (dossiers of providers
                    // no longer on the roster) must not survive it
                    for (MonthReset reset : resets) {
                        reset.reset(settings);
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }

    // staging tables, shared by the steps

    @Bean
    public StagingSchema stagingSchema(JdbcTemplate jdbc) {
        StagingSchema schema = new StagingSchema(jdbc);
        schema.create();
        return schema;
    }

    /**
     * Claim lines in the staging engine beside an embedded file database (docs/database.md), unless
     * {@code codecred.staging-engine=database} keeps them in the database itself; a server database
     * always keeps them (its scale-out workers must see them).
     */
    @Bean
    public ClaimLineTable claimLineTable(JdbcTemplate jdbc, StagingSchema schema, ObjectProvider<StagingEngine> engine) {
        StagingEngine staging = engine.getIfAvailable();
        return staging == null ? new ClaimLineTable(jdbc) : new ClaimLineTable(staging);
    }

    /** The staging engine's intake of claim lines, when there is an engine. */
    @Bean
    public ClaimLineSpool claimLineSpool(ObjectProvider<StagingEngine> engine) {
        StagingEngine staging = engine.getIfAvailable();
        return staging == null ? null : new ClaimLineSpool(staging);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "codecred.staging-engine", havingValue = "duckdb", matchIfMissing = true)
    public StagingEngine stagingEngine(DataSource dataSource) {
        return Dialect.of(dataSource).stagingEngine().map(file -> {
            try {
                return StagingEngine.open(file);
            } catch (LinkageError e) {
                // DuckDB ships natives for Linux (x86-64, arm64), macOS (arm64) and Windows (x86-64) only;
                // elsewhere the lines stay in the database: slower, the same outputs
                LoggerFactory.getLogger(MonthlyJobConfig.class).warn("the staging engine cannot run on this platform ({});"
                        + " claim lines are staged in the database", e.toString());
                return null;
            }
        }).orElse(null);
    }

    /**
     * A month begun by a version that staged its rows in the database is not resumed on the staging
     * engine, whose tables hold none of them (docs/operations.md, Upgrade).
     */
    @Bean
    public ResumeCheck stagedByAnEarlierVersion(JdbcTemplate jdbc, StagingSchema schema, ObjectProvider<StagingEngine> engine) {
        EarlierStaging earlier = new EarlierStaging(jdbc);
        return (month, last) -> engine.getIfAvailable() == null ? java.util.Optional.empty() : earlier.leftInDatabase(month)
                .map(rows -> "an earlier version staged its " + rows + " in the database, and this version reads them from"
                        + " the staging engine");
    }

    /**
     * A month whose claim loads began under a version that appended their lines to the staging engine as
     * they loaded (before the spools) is not resumed: stageClaimLines stages the spools alone and would
     * leave those lines out (docs/operations.md, Upgrade).
     */
    @Bean
    public ResumeCheck loadedIntoTheEngineByAnEarlierVersion(JobRepository jobRepository, ObjectProvider<ClaimLineSpool> spool) {
        return (month, last) -> spool.getIfAvailable() == null ? java.util.Optional.empty()
                : ClaimLineSpool.loadedWithoutSpool(jobRepository.getJobExecutions(last.getJobInstance()).stream()
                        .flatMap(execution -> execution.getStepExecutions().stream()).toList())
                .map(step -> "an earlier version staged the claim lines of " + step + " in the staging engine as it"
                        + " loaded them, and this version stages them from its spool files");
    }

    @Bean
    public RenderingNpiTable renderingNpiTable(JdbcTemplate jdbc, StagingSchema schema, ClaimLineTable lines) {
        return new RenderingNpiTable(jdbc, lines);
    }

    @Bean
    public ProviderTable providerTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new ProviderTable(jdbc);
    }

    @Bean
    public FindingTable findingTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new FindingTable(jdbc);
    }

    @Bean
    public RejectTable rejectTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new RejectTable(jdbc);
    }

    /** The running-month guard fitting the database (see {@link Dialect#monthLock}). */
    @Bean
    public MonthLock monthLock(DataSource dataSource) {
        Dialect database = Dialect.of(dataSource);
        return database.monthLock(database.dedicatedConnections(dataSource));
    }
}
