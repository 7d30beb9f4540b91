package org.codecred.alignment;

import org.codecred.cli.RunSettings;
import org.codecred.domain.CredentialFamily;
import org.codecred.job.StepLog;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.StagingSchema;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Steps alignSpecialties (one ordered pass over the claim lines: metrics, specialty alignment,
 * SPECIALTY-UNSUPPORTED / SPECIALTY-UNDECLARED), comparePeers (robust peer statistics per credential
 * family, PEER-OUTLIER) and decideVerdicts (HOLD / REVIEW / CLEAR per rostered provider).
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
    public AlignmentTables alignmentTables(JdbcTemplate jdbc, StagingSchema schema) {
        return new AlignmentTables(jdbc);
    }

    // step: alignSpecialties

    @Bean
    public Step alignSpecialties(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 RunSettings settings, ClaimLineTable claimLines, ProviderTable providers,
                                 AlignmentRules rules, AlignmentTables tables, FindingTable findings, StepLog stepLog) {
        String month = settings.monthKey();
        SpecialtyJudge judge = new SpecialtyJudge(rules.specialties());
        ItemProcessor<ProviderMonth, ProviderAlignment> processor = item -> {
            CredentialFamily family = rules.credentials().family(item.provider().credential());
            SpecialtyJudge.Result result = judge.judge(item.provider(), item.activity());
            java.util.List<org.codecred.domain.Finding> found = new java.util.ArrayList<>(result.findings());
            rules.timeDocumentation().check(item.provider().npi(), item.activity()).ifPresent(found::add);
            return new ProviderAlignment(item.provider().npi(), AlignmentTables.groupId(family),
                    item.activity().metrics(), result.rows(), found);
        };
        ItemWriter<ProviderAlignment> writer = chunk -> {
            for (ProviderAlignment a : chunk) {
                tables.insertMetrics(month, a.npi(), a.peerGroup(), a.metrics());
                tables.insertAlignment(month, a.rows());
                findings.insert(month, a.findings());
            }
        };
        return new StepBuilder("alignSpecialties", jobRepository)
                .<ProviderMonth, ProviderAlignment>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(new ProviderActivityReader(claimLines, providers, month, rules.specialties().all(),
                        rules.codingFacts(), CHUNK))
                .processor(processor)
                .writer(writer)
                .listener(stepLog)
                .build();
    }

    // step: comparePeers (between alignSpecialties and decideVerdicts)

    @Bean
    public Step comparePeers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RunSettings settings, AlignmentRules rules, AlignmentTables tables, FindingTable findings,
                             ProviderTable providers, StepLog stepLog) {
        String month = settings.monthKey();
        return new StepBuilder("comparePeers", jobRepository)
                .tasklet(new ComparePeersTasklet(month, rules.peers(), tables, findings,
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

    // step: decideVerdicts

    @Bean
    public Step decideVerdicts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               RunSettings settings, AlignmentRules rules, ProviderTable providers,
                               AlignmentTables tables, StepLog stepLog) {
        return new StepBuilder("decideVerdicts", jobRepository)
                .tasklet(new DecideVerdictsTasklet(settings.monthKey(), rules.verdicts(), providers, tables),
                        transactionManager)
                .listener(stepLog)
                .build();
    }
}
