package org.codecred.alignment;

import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.StagingSchema;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Steps alignSpecialties (one ordered pass over the claim lines: metrics, specialty alignment,
 * SPECIALTY-UNSUPPORTED / SPECIALTY-UNDECLARED) and comparePeers (robust peer statistics per
 * credential family, PEER-OUTLIER). decideVerdicts is in {@link org.codecred.verdict}.
 */
@Configuration
public class AlignmentStepsConfig {

    /** Providers per transaction in alignSpecialties, and per claim-line query. */
    static final int CHUNK = 200;

    // rule tables, loaded at startup so a bad table stops the run before it starts

    @Bean
    public AlignmentRules alignmentRules(RunSettings settings) {
        return AlignmentRules.load(settings.rulesDir());
    }

    @Bean
    public MetricTable metricTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new MetricTable(jdbc);
    }

    @Bean
    public SpecialtyAlignmentTable specialtyAlignmentTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new SpecialtyAlignmentTable(jdbc);
    }

    // step: alignSpecialties

    @Bean
    public Step alignSpecialties(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 RunSettings settings, ClaimLineTable claimLines, ProviderTable providers,
                                 AlignmentRules rules, MetricTable metrics, SpecialtyAlignmentTable alignments,
                                 FindingTable findings, StepLog stepLog) {
        String month = settings.monthKey();
        return new StepBuilder("alignSpecialties", jobRepository)
                .<ProviderMonth, ProviderAlignment>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(new ProviderActivityReader(claimLines, providers, month, rules.specialties().all(),
                        rules.telehealth(), CHUNK))
                .processor(new AlignmentProcessor(rules))
                .writer(new AlignmentWriter(month, metrics, alignments, findings))
                .listener(stepLog)
                .build();
    }

    // step: comparePeers (between alignSpecialties and decideVerdicts)

    @Bean
    public Step comparePeers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RunSettings settings, AlignmentRules rules, MetricTable metrics, FindingTable findings,
                             StepLog stepLog) {
        return new StepBuilder("comparePeers", jobRepository)
                .tasklet(new ComparePeersTasklet(settings.monthKey(), rules.peers(), metrics, findings), transactionManager)
                .listener(stepLog)
                .build();
    }
}
