package org.codecred.credentials;

import org.codecred.cli.RunSettings;
import org.codecred.domain.Provider;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Step checkCredentials in one transaction: it first removes what an earlier attempt wrote for the
 * month, reads the exclusion list and screens the registry for the rostered NPIs (here, not at
 * start-up, so start-up stays fast), runs the rules and writes findings and check rows. A failure
 * rolls everything back; the rerun starts the step again from scratch, so nothing is doubled.
 */
public class CheckCredentialsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckCredentialsTasklet.class);
    private static final int FLUSH_EVERY = 5000;

    private final RunSettings settings;
    private final CredentialRules rules;
    private final ProviderTable providers;
    private final FindingTable findings;
    private final CredentialCheckTable checks;

    public CheckCredentialsTasklet(RunSettings settings, CredentialRules rules, ProviderTable providers,
                                   FindingTable findings, CredentialCheckTable checks) {
        this.settings = settings;
        this.rules = rules;
        this.providers = providers;
        this.findings = findings;
        this.checks = checks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String month = settings.monthKey();
        checks.clear(month);
        List<Provider> roster = providers.all(month);
        Set<String> npis = new HashSet<>();
        roster.forEach(p -> npis.add(p.npi()));

        List<Path> exclusionFiles = csvFiles(settings.inputDir().resolve("exclusions"));
        ExclusionList exclusions = exclusionFiles.isEmpty() ? ExclusionList.empty() : ExclusionList.load(exclusionFiles);
        log.info("OIG exclusion list: {} rows from {} file(s)", exclusions.rows(), exclusionFiles.size());
        List<Path> nppesFiles = csvFiles(settings.inputDir().resolve("nppes"));
        NppesRegistry registry = nppesFiles.isEmpty() ? NppesRegistry.empty() : NppesRegistry.scan(nppesFiles, npis);
        if (nppesFiles.isEmpty()) {
            log.info("NPPES registry: no file in {}, registry checks not done", settings.inputDir().resolve("nppes"));
        }

        CredentialChecker checker = new CredentialChecker(settings.month(), Source.of(settings.rosterFile()),
                rules.taxonomies(), rules.taxonomySource(), rules.vocabulary(), exclusions, registry);
        Map<String, LicenseRule.LinesAfterExpiry> afterExpiry = checks.linesAfterExpiry(month);
        Results results = new Results();
        long written = 0;
        for (Provider p : roster) {
            checker.checkProvider(p, afterExpiry.get(p.npi()), results);
            contribution.incrementReadCount();
            if (results.checks().size() >= FLUSH_EVERY) {
                written += flush(month, results);
            }
        }
        UnrosteredRule.check(checks.unrostered(month), results);
        written += flush(month, results);
        contribution.incrementWriteCount(written);
        return RepeatStatus.FINISHED;
    }

    /** Writes and forgets what has been found so far (whole providers only, so check numbering stays per provider). */
    private long flush(String month, Results results) {
        findings.insert(month, results.findings());
        checks.insert(month, results.checks());
        long n = results.findings().size();
        results.findings().clear();
        results.checks().clear();
        return n;
    }

    /** The {@code *.csv} files of a folder in name order; none when the folder is missing. */
    /** The CSV files of a source folder (exclusions/, nppes/), in name order; none when the folder is absent. */
    public static List<Path> csvFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
