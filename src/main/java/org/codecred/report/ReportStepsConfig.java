package org.codecred.report;

import org.codecred.dossier.DossierLoader;
import org.codecred.dossier.DossierStepsConfig;
import org.codecred.history.HistoryTables;
import org.codecred.history.MonthHistory;
import org.codecred.job.MonthReset;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Step writeReport: the month's static HTML report beside the workbooks, and the index of all months. */
@Configuration
public class ReportStepsConfig {

    @Bean
    public ReportWriter reportWriter(DossierLoader dossierLoader, MonthHistory history, HistoryTables historyTables,
                                     FindingTable findings, ProviderTable providers, RunSettings settings,
                                     @Value("${codecred.threads:0}") int threads) {
        return new ReportWriter(new ReportLoader(dossierLoader, history, historyTables, findings), dossierLoader,
                providers, settings, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    // step 11: after writeSummary; restartable by providers written (ReportWriter keeps its place)

    @Bean
    public Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ReportWriter reportWriter, StepLog stepLog) {
        return new StepBuilder("writeReport", jobRepository)
                .tasklet((contribution, context) -> reportWriter.writeNext(
                        context.getStepContext().getStepExecution().getExecutionContext(),
                        DossierStepsConfig.runStarted(jobRepository,
                                context.getStepContext().getStepExecution().getJobExecution())), transactionManager)
                .listener(stepLog)
                .build();
    }

    /** A month run anew starts its report afresh: a provider no longer on the roster keeps no page. */
    @Bean
    public MonthReset removeEarlierReport() {
        return settings -> ReportFolder.remove(settings.outputDir().resolve(Links.FOLDER));
    }
}
