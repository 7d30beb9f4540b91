package org.codecred.report;

import org.codecred.dossier.DossierLoader;
import org.codecred.dossier.DossierStepsConfig;
import org.codecred.dossier.DossierView;
import org.codecred.history.HistoryTables;
import org.codecred.history.MonthHistory;
import org.codecred.job.MonthReset;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.scaleout.Partitioning;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;

/**
 * The month's static HTML report beside the workbooks: a page per provider, written in writeDossiers
 * from each dossier ({@link ProviderPageWriter}), then step writeReport: the month's index and the
 * index of all months.
 */
@Configuration
public class ReportStepsConfig {

    @Bean
    public ReportWriter reportWriter(DossierLoader dossierLoader, MonthHistory history, HistoryTables historyTables,
                                     FindingTable findings, ProviderTable providers, RunSettings settings) {
        return new ReportWriter(new ReportLoader(dossierLoader, history, historyTables, findings), dossierLoader,
                providers, settings);
    }

    /**
     * The provider pages, written in writeDossiers (step 9) right after each workbook, from the same
     * dossier; one per partition, in the month's output folder the partition names.
     */
    @Bean
    @StepScope
    public DossierView providerPages(@Value("#{stepExecutionContext['" + Partitioning.OUTPUT_DIR + "']}") String outputDir,
                                     RunSettings settings) {
        return new ProviderPageWriter(Path.of(outputDir), CredentialVocabulary.load(settings.rulesDir()));
    }

    // step 11: after writeSummary; the month's index and output/index.html (the provider pages are there already)

    @Bean
    public Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ReportWriter reportWriter, StepLog stepLog) {
        return new StepBuilder("writeReport", jobRepository)
                .tasklet((contribution, context) -> {
                    reportWriter.write(DossierStepsConfig.runStarted(jobRepository,
                            context.getStepContext().getStepExecution().getJobExecution()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }

    /** A month run anew starts its report afresh: a provider no longer on the roster keeps no page. */
    @Bean
    public MonthReset removeEarlierReport() {
        return settings -> ReportFolder.remove(settings.outputDir().resolve(Links.FOLDER));
    }
}
