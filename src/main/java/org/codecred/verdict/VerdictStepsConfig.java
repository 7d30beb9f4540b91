package org.codecred.verdict;

import org.codecred.alignment.MetricTable;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.StagingSchema;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Step decideVerdicts (HOLD / REVIEW / CLEAR per rostered provider), after comparePeers. */
@Configuration
public class VerdictStepsConfig {

    /** Loaded at startup so a bad {@code verdict.csv} stops the run before it starts. */
    @Bean
    public VerdictPolicy verdictPolicy(RunSettings settings) {
        return VerdictPolicy.load(settings.rulesDir());
    }

    @Bean
    public VerdictTable verdictTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new VerdictTable(jdbc);
    }

    @Bean
    public Step decideVerdicts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               RunSettings settings, VerdictPolicy verdictPolicy, ProviderTable providers,
                               MetricTable metrics, FindingTable findings, VerdictTable verdicts, StepLog stepLog) {
        return new StepBuilder("decideVerdicts", jobRepository)
                .tasklet(new DecideVerdictsTasklet(settings.month(), verdictPolicy, providers, metrics, findings,
                        verdicts), transactionManager)
                .listener(stepLog)
                .build();
    }
}
