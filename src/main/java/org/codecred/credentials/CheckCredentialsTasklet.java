package org.codecred.credentials;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.job.RunSettings;
import org.codecred.sources.NppesRegistry;
import org.codecred.sources.PublishedSource;
import org.codecred.sources.PublishedSource.PublishedData;
import org.codecred.sources.PublishedSources;
import org.codecred.sources.RegistryRecord;
import org.codecred.sources.SourceFile;
import org.codecred.sources.SourceFileTable;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step checkCredentials in one transaction: it first removes what an earlier attempt wrote for the
 * month, reads the exclusion lists (OIG LEIE, SAM.gov), the Medicare opt-out list and screens the
 * registry for the rostered NPIs (here, not at start-up, so start-up stays fast), runs the checks and
 * writes findings, check rows and the month's source files (with a warning for each stale one). A
 * failure rolls everything back; the rerun starts the step again from scratch, so nothing is doubled.
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
    private final SourceFileTable sourceFiles;
    private final List<SourceFile> ruleSources;

    /** @param ruleSources the published files read at start-up (CMS PTP and MUE, NUCC), recorded with the month's */
    public CheckCredentialsTasklet(RunSettings settings, CredentialRules rules, List<CredentialRule> checkList,
                                   ProviderTable providers, ClaimLineTable claimLines, RenderingNpiTable renderingNpis,
                                   FindingTable findings, CredentialCheckTable checks, SourceFileTable sourceFiles,
                                   List<SourceFile> ruleSources) {
        this.settings = settings;
        this.rules = rules;
        this.checkList = List.copyOf(checkList);
        this.providers = providers;
        this.claimLines = claimLines;
        this.renderingNpis = renderingNpis;
        this.findings = findings;
        this.checks = checks;
        this.sourceFiles = sourceFiles;
        this.ruleSources = List.copyOf(ruleSources);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        YearMonth month = settings.month();
        checks.clear(month);
        findings.deleteRules(month, RuleId.ofStage(RuleId.Stage.CREDENTIALS));
        List<Provider> roster = providers.all(month);
        Set<String> npis = new HashSet<>();
        roster.forEach(p -> npis.add(p.npi()));

        Map<PublishedSource, PublishedData> lists = new LinkedHashMap<>();
        List<SourceFile> used = new ArrayList<>(ruleSources);
        for (PublishedSource source : PublishedSources.monthly()) {
            List<Path> files = source.filesIn(settings.inputDir(), settings.rulesDir());
            PublishedData list = source.layout().load(files, npis);
            lists.put(source, list);
            used.addAll(list.files());
            if (files.isEmpty()) {
                log.info("{}: no file in {}, its checks not done", source.kind(), settings.inputDir().resolve(source.folder()));
            } else {
                log.info("{}: {} rows from {} file(s)", source.kind(), list.rows(), files.size());
            }
        }
        sourceFiles.replace(month, used);
        SourceFileTable.staleWarnings(settings.month(), used).forEach(w -> log.warn("Stale source: {}", w));

        NppesRegistry registry = (NppesRegistry) lists.get(PublishedSources.NPPES);
        CredentialSources sources = new CredentialSources(settings.month(), SourceFile.cited(settings.rosterFile()), rules,
                lists, linesAfterExpiry(month), linesSinceDeactivation(month, roster, registry),
                claimLines.billingNpis(month));
        CredentialChecker checker = new CredentialChecker(checkList, sources);
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

    /** Per rostered NPI the registry shows deactivated, its claim lines dated on or after the deactivation. */
    private Map<String, ClaimLineTable.NpiActivity> linesSinceDeactivation(YearMonth month, List<Provider> roster,
                                                                           NppesRegistry registry) {
        Map<String, ClaimLineTable.NpiActivity> byNpi = new HashMap<>();
        for (Provider p : roster) {
            registry.find(p.npi()).filter(RegistryRecord::isDeactivated).ifPresent(r -> {
                ClaimLineTable.NpiActivity since = claimLines.linesAfter(month, p.npi(), r.deactivationDate().minusDays(1));
                if (since != null) {
                    byNpi.put(p.npi(), since);
                }
            });
        }
        return byNpi;
    }

    /** Writes and forgets what has been found so far (whole providers only, so check numbering stays per provider). */
    private long flush(YearMonth month, Results results) {
        findings.insert(month, results.findings());
        checks.insert(month, results.checks());
        long n = results.findings().size();
        results.findings().clear();
        results.checks().clear();
        return n;
    }

    /** Rendering NPIs of the month's claim lines that are not on the roster, with their line counts and dates. */
    private List<UnrosteredRule.UnrosteredNpi> unrostered(YearMonth month) {
        return renderingNpis.unrostered(month, providers.npis(month)).stream()
                .map(a -> new UnrosteredRule.UnrosteredNpi(a.npi(), a.lines(), a.firstDate(), a.lastDate())).toList();
    }

    /**
     * Per rostered provider whose license expires before the month's end, the claim lines dated
     * after the expiry: one indexed query per such provider, which are few.
     */
    private Map<String, LicenseRule.LinesAfterExpiry> linesAfterExpiry(YearMonth month) {
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
