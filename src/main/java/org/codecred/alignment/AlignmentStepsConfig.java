package org.codecred.alignment;

import org.codecred.domain.Provider;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.scaleout.NpiRangePartitioner;
import org.codecred.scaleout.Partitioning;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.StagingEngine;
import org.codecred.staging.StagingSchema;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.YearMonth;

/**
 * Steps alignSpecialties (partitioned by NPI range; in each, one ordered pass over the claim lines: metrics, specialty alignment,
 * SPECIALTY-UNSUPPORTED / SPECIALTY-UNDECLARED) and comparePeers (robust peer statistics per
 * credential family, PEER-OUTLIER). decideVerdicts is in {@link org.codecred.verdict}.
 */
@Configuration
public class AlignmentStepsConfig {

    /** Providers per transaction in alignSpecialties, and per claim-line query when the database holds the lines. */
    static final int CHUNK = 200;

    /**
     * Providers per claim-line query when the staging engine holds the lines: it has no index, so each
     * query scans the month's lines; fewer, larger slices scan them fewer times (the slice is sorted in
     * the engine, within its memory limit).
     */
    static final int ENGINE_SLICE = 1000;

    // rule tables, loaded at startup so a bad table stops the run before it starts

    @Bean
    public AlignmentRules alignmentRules(RunSettings settings) {
        return AlignmentRules.load(settings.rulesDir());
    }

    /** The month's metrics beside the claim lines: in the staging engine when there is one (docs/database.md). */
    @Bean
    public MetricTable metricTable(JdbcTemplate jdbc, StagingSchema schema, ObjectProvider<StagingEngine> engine) {
        StagingEngine staging = engine.getIfAvailable();
        return staging == null ? new MetricTable(jdbc) : new MetricTable(staging);
    }

    @Bean
    public SpecialtyAlignmentTable specialtyAlignmentTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new SpecialtyAlignmentTable(jdbc);
    }

    // step: alignSpecialties, partitioned by roster NPI range (on this machine's cores, or over workers)

    @Bean
    public Step alignSpecialties(Partitioning partitioning, Step alignSpecialtiesWorker, ProviderTable providers,
                                 RunSettings settings) {
        return partitioning.partitioned("alignSpecialties", alignSpecialtiesWorker, new NpiRangePartitioner(
                () -> providers.all(settings.month()).stream().map(Provider::npi).toList()));
    }

    @Bean
    public Step alignSpecialtiesWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                       ProviderActivityReader providerActivityReader, AlignmentRules rules,
                                       AlignmentWriter alignmentWriter, StepLog stepLog) {
        return partitioning.workerStep("alignSpecialtiesWorker")
                .<ProviderMonth, ProviderAlignment>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(providerActivityReader)
                .processor(new AlignmentProcessor(rules))
                .writer(alignmentWriter)
                .listener(stepLog)
                .build();
    }

    @Bean
    @StepScope
    public ProviderActivityReader providerActivityReader(ClaimLineTable claimLines, ProviderTable providers,
                                                         AlignmentRules rules,
                                                         @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month,
                                                         @Value("#{stepExecutionContext['fromNpi']}") String fromNpi,
                                                         @Value("#{stepExecutionContext['toNpi']}") String toNpi) {
        return new ProviderActivityReader(claimLines, providers, month, rules.specialties().all(), rules.telehealth(),
                rules.codingFacts(), claimLines.inStagingEngine() ? ENGINE_SLICE : CHUNK, fromNpi, toNpi);
    }

    @Bean
    @StepScope
    public AlignmentWriter alignmentWriter(MetricTable metrics, SpecialtyAlignmentTable alignments, FindingTable findings,
                                           @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month) {
        return new AlignmentWriter(month, metrics, alignments, findings);
    }

    // step: comparePeers (between alignSpecialties and decideVerdicts)

    @Bean
    public Step comparePeers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RunSettings settings, AlignmentRules rules, MetricTable metrics, FindingTable findings,
                             SpecialtyAlignmentTable alignments, PeerHistory history, StepLog stepLog) {
        YearMonth month = settings.month();
        // loaded with the context, so a bad settings table stops the run before it starts
        PeerSettings peerSettings = PeerSettings.load(settings.rulesDir());
        return new StepBuilder("comparePeers", jobRepository)
                .tasklet(new ComparePeersTasklet(month, rules.peers(), peerSettings, metrics, findings,
                        () -> supportedClaims(alignments, month), history), transactionManager)
                .listener(stepLog)
                .build();
    }

    /**
     * Each provider's claimed specialties whose claim the month's coding SUPPORTED or found WEAK: only
     * those make the provider a member of the specialty's peer group (contract v3).
     */
    static java.util.Map<String, java.util.List<String>> supportedClaims(SpecialtyAlignmentTable alignments,
                                                                         YearMonth month) {
        java.util.Map<String, java.util.List<String>> claims = new java.util.HashMap<>();
        alignments.forEachInOrder(month, row -> {
            if (row.claimed() && (row.outcome() == AlignmentOutcome.SUPPORTED || row.outcome() == AlignmentOutcome.WEAK)) {
                claims.computeIfAbsent(row.npi(), k -> new java.util.ArrayList<>()).add(row.specialty());
            }
        });
        return claims;
    }
}
