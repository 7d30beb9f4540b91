package org.codecred.credentials;

import org.codecred.coding.CodingRules;
import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
import org.codecred.sources.SourceFile;
import org.codecred.sources.SourceFileTable;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.staging.StagingSchema;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Step checkCredentials: NPI check digit, license dates, taxonomy fit and NUCC code set, OIG and
 * SAM.gov exclusions, Medicare opt-out and NPPES registry for every rostered provider, and the claims'
 * rendering NPIs that are not on the roster. The rule tables (and the NUCC and CMS files) load at
 * start-up; the exclusion, opt-out and registry files are read inside the step.
 */
@Configuration
public class CredentialStepsConfig {

    @Bean
    public CredentialRules credentialRules(RunSettings settings) {
        return CredentialRules.load(settings.rulesDir());
    }

    @Bean
    public CredentialCheckTable credentialCheckTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new CredentialCheckTable(jdbc);
    }

    /** The credential checks of a rostered provider, in the order of the dossier's Credentials sheet. */
    @Bean
    public List<CredentialRule> credentialRuleList() {
        return CredentialChecker.standardRules();
    }

    @Bean
    public SourceFileTable sourceFileTable(JdbcTemplate jdbc, StagingSchema schema) {
        return new SourceFileTable(jdbc);
    }

    // step 4

    @Bean
    public Step checkCredentials(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 StepLog stepLog, RunSettings settings, CredentialRules credentialRules,
                                 List<CredentialRule> credentialRuleList, CodingRules codingRules,
                                 ProviderTable providers, ClaimLineTable claimLines, RenderingNpiTable renderingNpis,
                                 FindingTable findings,
                                 CredentialCheckTable checks, SourceFileTable sourceFiles) {
        List<SourceFile> ruleSources = new ArrayList<>(codingRules.cmsFiles());
        ruleSources.addAll(codingRules.diagnoses().orderFiles().files());
        if (credentialRules.nucc().source() != null) {
            ruleSources.add(credentialRules.nucc().source());
        }
        return new StepBuilder("checkCredentials", jobRepository)
                .tasklet(new CheckCredentialsTasklet(settings, credentialRules, credentialRuleList, providers, claimLines,
                        renderingNpis, findings, checks, sourceFiles, ruleSources), transactionManager)
                .listener(stepLog)
                .build();
    }
}
