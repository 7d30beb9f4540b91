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
                        rules.telehealth(), rules.codingFacts(), CHUNK))
                .processor(new AlignmentProcessor(rules))
                .writer(new AlignmentWriter(month, metrics, alignments, findings))
                .listener(stepLog)
                .build();
    }

    // step: comparePeers (between alignSpecialties and decideVerdicts)

    @Bean
    public Step comparePeers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RunSettings settings, AlignmentRules rules, MetricTable metrics, FindingTable findings,
                             ProviderTable providers, StepLog stepLog) {
        String month = settings.monthKey();
        return new StepBuilder("comparePeers", jobRepository)
                .tasklet(new ComparePeersTasklet(month, rules.peers(), metrics, findings,
                        () -> claimedSpecialties(providers, month)), transactionManager)
                .listener(stepLog)
                .build();
    }

    /** The roster's claimed specialty ids (trimmed, lower-case) by NPI, for the specialty peer groups. */
    static java.util.Map<String, java.util.List<String>> claimedSpecialties(ProviderTable providers, String month) {
        java.util.Map<String, java.util.List<String>> claims = new java.util.HashMap<>();
        for (org.codecred.domain.Provider p : providers.all(month)) {
            java.util.List<String> ids = p.specialties().stream().filter(id -> !id.isBlank()).map(SpecialtyTable::key)
                    .distinct().toList();
            if (!ids.isEmpty()) {
                claims.put(p.npi(), ids);
            }
        }
        return claims;
    }
}
