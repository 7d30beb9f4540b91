package org.codecred.coding;

import org.codecred.job.RunSettings;
import org.codecred.domain.Finding;
import org.codecred.job.StepLog;
import org.codecred.rules.CredentialVocabulary;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RenderingNpiTable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * Step validateCoding: every staged line of the month through the coding rule catalog, one
 * provider-day per item, findings stored with each chunk.
 */
@Configuration
public class CodingStepsConfig {

    /** Provider-days per transaction; a restart resumes after the last committed one. */
    static final int CHUNK = 100;

    // rule tables: loaded at startup so a bad table stops the run before anything starts (exit 2)

    @Bean
    public CodingRules codingRules(RunSettings settings) {
        return CodingRules.load(settings.rulesDir());
    }

    // step 3

    @Bean
    public Step validateCoding(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               RunSettings settings, ClaimLineTable claimLines, RenderingNpiTable renderingNpis,
                               CodingRules codingRules,
                               ProviderTable providers, FindingTable findings, StepLog stepLog) {
        CodingEngine engine = new CodingEngine(codingRules);
        CodingProcessor processor = new CodingProcessor(engine, providers,
                CredentialVocabulary.load(settings.rulesDir()), settings.monthKey());
        return new StepBuilder("validateCoding", jobRepository)
                .<ProviderDay, List<Finding>>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(new ProviderDayReader(claimLines, renderingNpis, settings.monthKey(), engine::tracksAcrossDays))
                .processor(processor)
                .writer(new FindingWriter(findings, settings.monthKey()))
                .listener(processor)
                .listener(stepLog)
                .build();
    }
}
