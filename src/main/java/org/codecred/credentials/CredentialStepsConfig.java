package org.codecred.credentials;

import org.codecred.job.RunSettings;
import org.codecred.job.StepLog;
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

import java.util.List;

/**
 * Step checkCredentials: NPI check digit, license dates, taxonomy fit, OIG exclusion list and NPPES
 * registry for every rostered provider, and the claims' rendering NPIs that are not on the roster.
 * The rule tables load at start-up; the exclusion and registry files are read inside the step.
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

    // step 4

    @Bean
    public Step checkCredentials(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 StepLog stepLog, RunSettings settings, CredentialRules credentialRules,
                                 List<CredentialRule> credentialRuleList, ProviderTable providers,
                                 ClaimLineTable claimLines, RenderingNpiTable renderingNpis, FindingTable findings,
                                 CredentialCheckTable checks) {
        return new StepBuilder("checkCredentials", jobRepository)
                .tasklet(new CheckCredentialsTasklet(settings, credentialRules, credentialRuleList, providers,
                        claimLines, renderingNpis, findings, checks), transactionManager)
                .listener(stepLog)
                .build();
    }
}
