package org.codecred.verdict;

import org.codecred.alignment.MetricTable;
import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;
import org.codecred.staging.FindingTable;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step decideVerdicts: the verdict of every rostered provider, computed once into provider_verdict
 * from the month's findings (read by rule id, a few grouped queries for the whole month) and the
 * line counts. One transaction that first deletes the month's verdicts: a restart redoes it whole.
 */
public final class DecideVerdictsTasklet implements Tasklet {

    private final YearMonth month;
    private final VerdictPolicy policy;
    private final ProviderTable providers;
    private final MetricTable metrics;
    private final FindingTable findings;
    private final VerdictTable verdicts;

    public DecideVerdictsTasklet(YearMonth month, VerdictPolicy policy, ProviderTable providers, MetricTable metrics,
                                 FindingTable findings, VerdictTable verdicts) {
        this.month = month;
        this.policy = policy;
        this.providers = providers;
        this.metrics = metrics;
        this.findings = findings;
        this.verdicts = verdicts;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(decideAll());
        return RepeatStatus.FINISHED;
    }

    /** Replaces the month's verdicts; returns how many were written. Call inside one transaction. */
    public int decideAll() {
        verdicts.delete(month);
        Set<RuleId> driving = RuleId.withVerdictEffect(RuleId.VerdictEffect.HOLD);
        driving = union(driving, RuleId.withVerdictEffect(RuleId.VerdictEffect.REVIEW));
        driving = union(driving, RuleId.withVerdictEffect(RuleId.VerdictEffect.REVIEW_IF_ERROR));
        Map<String, Long> lines = metrics.linesByProvider(month);
        Map<String, Long> errorLines = findings.codingErrorLinesByProvider(month);
        Map<String, Map<Severity, Long>> severities = findings.severityCountsByProvider(month);
        Map<String, List<FindingTable.RuleSubject>> hits = findings.ruleSubjectsByProvider(month, driving);
        List<ProviderVerdict> decided = new ArrayList<>();
        for (Provider p : providers.all(month)) {
            Map<Severity, Long> s = severities.getOrDefault(p.npi(), FindingTable.zeroCounts());
            List<VerdictInput.Hit> providerHits = hits.getOrDefault(p.npi(), List.of()).stream()
                    .map(h -> new VerdictInput.Hit(h.rule(), h.subject(), h.severity())).toList();
            decided.add(policy.decide(new VerdictInput(p.npi(), lines.getOrDefault(p.npi(), 0L),
                    errorLines.getOrDefault(p.npi(), 0L), s.get(Severity.ERROR), s.get(Severity.WARNING),
                    s.get(Severity.INFO), providerHits)));
        }
        verdicts.insert(month, decided);
        return decided.size();
    }

    private static Set<RuleId> union(Set<RuleId> a, Set<RuleId> b) {
        Set<RuleId> all = java.util.EnumSet.noneOf(RuleId.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
