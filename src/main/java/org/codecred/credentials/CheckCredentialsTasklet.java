package org.codecred.credentials;

import org.codecred.job.RunSettings;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RenderingNpiTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final List<CredentialRule> checkList;
    private final ProviderTable providers;
    private final ClaimLineTable claimLines;
    private final RenderingNpiTable renderingNpis;
    private final FindingTable findings;
    private final CredentialCheckTable checks;

    public CheckCredentialsTasklet(RunSettings settings, CredentialRules rules, List<CredentialRule> checkList,
                                   ProviderTable providers, ClaimLineTable claimLines, RenderingNpiTable renderingNpis,
                                   FindingTable findings, CredentialCheckTable checks) {
        this.settings = settings;
        this.rules = rules;
        this.checkList = List.copyOf(checkList);
        this.providers = providers;
        this.claimLines = claimLines;
        this.renderingNpis = renderingNpis;
        this.findings = findings;
        this.checks = checks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String month = settings.monthKey();
        checks.clear(month);
        findings.deleteRules(month, RuleId.ofStage(RuleId.Stage.CREDENTIALS));
        List<Provider> roster = providers.all(month);
        Set<String> npis = new HashSet<>();
        roster.forEach(p -> npis.add(p.npi()));

        List<Path> exclusionFiles = Source.csvFiles(settings.inputDir().resolve("exclusions"));
        ExclusionList exclusions = exclusionFiles.isEmpty() ? ExclusionList.empty() : ExclusionList.load(exclusionFiles);
        log.info("OIG exclusion list: {} rows from {} file(s)", exclusions.rows(), exclusionFiles.size());
        List<Path> nppesFiles = Source.csvFiles(settings.inputDir().resolve("nppes"));
        NppesRegistry registry = nppesFiles.isEmpty() ? NppesRegistry.empty() : NppesRegistry.scan(nppesFiles, npis);
        if (nppesFiles.isEmpty()) {
            log.info("NPPES registry: no file in {}, registry checks not done", settings.inputDir().resolve("nppes"));
        }

        CredentialChecker checker = new CredentialChecker(checkList, new CredentialSources(settings.month(),
                Source.of(settings.rosterFile()), rules, exclusions, registry, linesAfterExpiry(month)));
        Results results = new Results();
        long written = 0;
        for (Provider p : roster) {
            checker.checkProvider(p, results);
            contribution.incrementReadCount();
            if (results.checks().size() >= FLUSH_EVERY) {
                written += flush(month, results);
            }
        }
        UnrosteredRule.check(unrostered(month), results);
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

    /** Rendering NPIs of the month's claim lines that are not on the roster, with their line counts and dates. */
    private List<UnrosteredRule.UnrosteredNpi> unrostered(String month) {
        return renderingNpis.unrostered(month, providers.npis(month)).stream()
                .map(a -> new UnrosteredRule.UnrosteredNpi(a.npi(), a.lines(), a.firstDate(), a.lastDate())).toList();
    }

    /**
     * Per rostered provider whose license expires before the month's end, the claim lines dated
     * after the expiry: one indexed query per such provider, which are few.
     */
    private Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry(String month) {
        Map<String, LicenseRule.LinesAfterExpiry> byNpi = new LinkedHashMap<>();
        for (ProviderTable.LicenseExpiry license : providers.licensesExpiringBefore(month, settings.month().atEndOfMonth())) {
            ClaimLineTable.NpiActivity after = claimLines.linesAfter(month, license.npi(), license.expires());
            if (after != null) {
                byNpi.put(after.npi(), new LicenseRule.LinesAfterExpiry(after.npi(), after.lines(), after.firstDate(),
                        after.lastDate()));
            }
        }
        return byNpi;
    }
}
