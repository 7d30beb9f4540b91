package org.codecred.output;

import org.codecred.job.MonthReset;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.staging.FindingTable;
import org.codecred.staging.RejectTable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Step writeFindings: findings.csv and rejected.csv from the staging tables. */
@Configuration
public class OutputStepsConfig {

    @Bean
    public Step writeFindings(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              RunSettings settings, FindingTable findings, RejectTable rejects, StepLog stepLog) {
        return new StepBuilder("writeFindings", jobRepository)
                .tasklet((contribution, context) -> {
                    CsvExports.writeFindings(settings.outputDir().resolve("findings.csv"), settings.month(), findings);
                    CsvExports.writeRejects(settings.outputDir().resolve("rejected.csv"), settings.month(), rejects);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(stepLog)
                .build();
    }

    /** A new forced run empties the folder its outputs are built in aside (see {@link OutputAside}). */
    @Bean
    public MonthReset clearOutputAside() {
        return new OutputAside();
    }
}
