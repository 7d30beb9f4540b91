package org.codecred.history;

import org.codecred.alignment.MetricTable;
import org.codecred.coding.CodeCatalog;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.StagingSchema;
import org.codecred.verdict.VerdictTable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Step recordHistory, the month's last: the month's verdicts, rule counts, metrics and diagnostic
 * evaluations into the history tables, in the step's one transaction (see {@link HistoryRecorder}).
 *
 * <p>Settings: {@code --codecred.history.retention-months=24} (months kept, counted back from the
 * newest completed month) and {@code --codecred.history.key-file=PATH} (the member-hash key;
 * default beside the database, {@code <db>.history-key}).
 */
@Configuration
public class HistoryStepsConfig {

    @Bean
    public HistoryTables historyTables(JdbcTemplate jdbc, StagingSchema schema) {
        return new HistoryTables(jdbc);
    }

    /** The claim ledger of completed months, as loading and resolveClaims ask it. */
    @Bean
    public org.codecred.ingest.EarlierClaims earlierClaims(HistoryTables tables) {
        return tables.claims;
    }

    @Bean
    public MemberKey memberKey(RunSettings settings, @Value("${codecred.history.key-file:}") String keyFile) {
        return new MemberKey(keyFile.isBlank() ? MemberKey.besideDatabase(settings.db()) : Path.of(keyFile));
    }

    /** Checked when the month's context starts, before any step: a bad key or unreadable history is exit 2. */
    @Bean
    public HistoryIntegrity historyIntegrity(HistoryTables tables, MemberKey memberKey, RunSettings settings) {
        HistoryIntegrity integrity = new HistoryIntegrity(tables, memberKey);
        if (settings.month() != null) {
            integrity.checkAtStart(settings.month());
        }
        return integrity;
    }

    @Bean
    public HistoryRecorder historyRecorder(HistoryTables tables, VerdictTable verdicts, FindingTable findings,
                                           MetricTable metrics, ClaimLineTable lines, MemberKey memberKey,
                                           @Value("${codecred.history.retention-months:24}") int retentionMonths,
                                           RunSettings settings, PlatformTransactionManager transactionManager) {
        org.springframework.transaction.support.TransactionTemplate own =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new HistoryRecorder(tables, verdicts, findings, metrics, lines, memberKey, retentionMonths,
                CodeCatalog.load(settings.rulesDir()).crossDayCodes(), work -> own.executeWithoutResult(status -> work.run()));
    }

    /** The earlier months of comparePeers' window (alignment reads them through its own interface). */
    @Bean
    public org.codecred.alignment.PeerHistory peerHistory(HistoryTables tables) {
        return new PeerWindowHistory(tables);
    }

    @Bean
    public MonthHistory monthHistory(HistoryTables tables) {
        return new MonthHistory(tables);
    }

    /** Earlier evaluations of the month being run, for DIAG-EVAL-REPEATED. */
    @Bean
    public DiagnosticEvaluationHistory diagnosticEvaluationHistory(HistoryTables tables, MemberKey memberKey) {
        return new DiagnosticEvaluationHistory(tables.evaluations, memberKey);
    }

    // the last step: one transaction (the claim ledger's batches apart, see HistoryRecorder), so a kill
    // leaves the month's old history or its new one, never half

    @Bean
    public Step recordHistory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              RunSettings settings, HistoryRecorder recorder, StepLog stepLog) {
        return new StepBuilder("recordHistory", jobRepository)
                .tasklet((contribution, context) -> {
                    HistoryRecorder.Recorded recorded = recorder.record(settings.month(), LocalDateTime.now());
                    contribution.incrementWriteCount(recorded.rows());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }
}
