package org.codecred.credentials;

import org.codecred.job.RunSettings;
import org.codecred.sources.SourceFileTable;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RenderingNpiTable;
import org.codecred.staging.StagingSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Running the step again for the same month (a restart after a failure) replaces its rows, never doubles them. */
class CheckCredentialsTaskletTest {

    @TempDir
    Path tmp;

    @Test
    void rerunDoesNotDuplicateFindingsOrChecks() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:hsqldb:mem:tasklet" + System.nanoTime(), "SA", ""));
        new StagingSchema(jdbc).create();
        ProviderTable providers = new ProviderTable(jdbc);
        providers.insert(YearMonth.parse("2026-10"), List.of(
                Fixtures.provider("1234567890", "Quillon", "Mae", "LMFT", "LMFT-3003", "CA", LocalDate.of(2026, 10, 1),
                        "106H00000X", null),
                Fixtures.lcsw(Fixtures.npi("167890123"), "Marchetti", "Sol", null)));
        // another step's finding of the same month must survive
        jdbc.update("INSERT INTO codecred.finding (month, provider_npi, rule_id, severity, subject, message)"
                + " VALUES ('2026-10', '1234567890', 'CODE-UNKNOWN', 'ERROR', '', 'kept')");
        Files.createDirectories(tmp.resolve("2026-10"));
        RunSettings settings = new RunSettings(YearMonth.of(2026, 10), tmp, tmp.resolve("out"), tmp.resolve("db"),
                Path.of("src/test/resources/rules"), false);
        CheckCredentialsTasklet tasklet = new CheckCredentialsTasklet(settings, CredentialRules.load(Path.of("src/test/resources/rules")),
                CredentialChecker.standardRules(), providers, new ClaimLineTable(jdbc), new RenderingNpiTable(jdbc, new ClaimLineTable(jdbc)),
                new FindingTable(jdbc), new CredentialCheckTable(jdbc), new SourceFileTable(jdbc), List.of());

        tasklet.execute(new StepContribution(MetaDataInstanceFactory.createStepExecution()), null);
        List<String> first = jdbc.queryForList("SELECT rule_id FROM codecred.finding ORDER BY provider_npi, rule_id", String.class);
        tasklet.execute(new StepContribution(MetaDataInstanceFactory.createStepExecution()), null);

        assertThat(jdbc.queryForList("SELECT rule_id FROM codecred.finding ORDER BY provider_npi, rule_id", String.class))
                .isEqualTo(first).filteredOn(rule -> !rule.equals("SCREENING-INCOMPLETE"))
                .containsExactly("CODE-UNKNOWN", "LICENSE-EXPIRED", "NPI-INVALID");
        // no LEIE and no SAM file in the month: every rostered provider, once per list
        assertThat(first).filteredOn("SCREENING-INCOMPLETE"::equals).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM codecred.credential_check", Integer.class)).isEqualTo(2 * 12);
    }
}
