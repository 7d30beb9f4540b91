package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.job.ItemSlices;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.scaleout.NpiRangePartitioner;
import org.codecred.scaleout.Partitioning;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RenderingNpiTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.YearMonth;
import java.util.List;

/**
 * Step validateCoding: every staged line of the month through the coding rule catalog, one
 * slice of provider-days per item, findings stored with each chunk; partitioned by rendering-NPI range.
 */
@Configuration
public class CodingStepsConfig {

    /** Provider-days per transaction; a restart resumes after the last committed one. */
    static final int CHUNK = 1000;

    /** Provider-days per item (a slice); a chunk is {@link #CHUNK} days, whole slices. */
    static final int DAYS_PER_SLICE = 100;

    // rule tables: loaded at startup so a bad table stops the run before anything starts (exit 2)

    @Bean
    public CodingRules codingRules(RunSettings settings) {
        return CodingRules.load(settings.rulesDir());
    }

    // step 3: partitioned by rendering-NPI range (on this machine's cores, or over workers)

    @Bean
    public Step validateCoding(Partitioning partitioning, Step validateCodingWorker, RenderingNpiTable renderingNpis,
                               RunSettings settings) {
        return partitioning.partitioned("validateCoding", validateCodingWorker,
                new NpiRangePartitioner(() -> renderingNpis.npis(settings.month())));
    }

    /**
     * Items are slices of provider-days ({@link ItemSlices}): a day's rules take a few microseconds, about
     * what the chunk step spends on each item. The step still counts provider-days read and written.
     */
    @Bean
    public Step validateCodingWorker(Partitioning partitioning, PlatformTransactionManager transactionManager,
                                     ItemSlices<ProviderDay> providerDaySlices, CodingProcessor codingProcessor,
                                     FindingWriter codingFindingWriter, StepLog stepLog) {
        return partitioning.workerStep("validateCodingWorker")
                .<List<ProviderDay>, List<List<Finding>>>chunk(CHUNK / DAYS_PER_SLICE)
                .transactionManager(transactionManager)
                .reader(providerDaySlices)
                .processor(codingProcessor)
                .writer(slices -> ItemSlices.writeSlices(slices, codingFindingWriter))
                .listener(codingProcessor)
                .listener(stepLog)
                .build();
    }

    /**
     * The rule catalog as one engine: immutable, shared by every partition. Earlier months'
     * diagnostic evaluations come from history (history.DiagnosticEvaluationHistory).
     */
    @Bean
    public CodingEngine codingEngine(CodingRules codingRules, EvaluationHistory evaluationHistory) {
        return new CodingEngine(codingRules, evaluationHistory);
    }

    @Bean
    @StepScope
    public ItemSlices<ProviderDay> providerDaySlices(ClaimLineTable claimLines, RenderingNpiTable renderingNpis,
                                               CodingEngine codingEngine,
                                               @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month,
                                               @Value("#{stepExecutionContext['fromNpi']}") String fromNpi,
                                               @Value("#{stepExecutionContext['toNpi']}") String toNpi) {
        return new ItemSlices<>(new ProviderDayReader(claimLines, renderingNpis, month, codingEngine::tracksAcrossDays,
                codingEngine::dayTime, fromNpi, toNpi), DAYS_PER_SLICE);
    }

    @Bean
    @StepScope
    public CodingProcessor codingProcessor(CodingEngine codingEngine, ProviderTable providers, RunSettings settings,
                                           @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month) {
        return new CodingProcessor(codingEngine, providers, CredentialVocabulary.load(settings.rulesDir()), month);
    }

    @Bean
    @StepScope
    public FindingWriter codingFindingWriter(FindingTable findings, @Value("#{T(java.time.YearMonth).parse(jobParameters['month'])}") YearMonth month) {
        return new FindingWriter(findings, month);
    }
}
