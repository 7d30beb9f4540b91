package org.codecred.alignment;

import org.codecred.domain.Provider;
import org.codecred.domain.RuleId;
import org.codecred.staging.ProviderTable;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step decideVerdicts: the verdict of every rostered provider, computed once into provider_verdict
 * from the month's findings (read by rule id, a few grouped queries for the whole month) and the
 * line counts. One transaction that first deletes the month's verdicts: a restart redoes it whole.
 */
public final class DecideVerdictsTasklet implements Tasklet {

    private final String month;
    private final VerdictPolicy policy;
    private final ProviderTable providers;
    private final AlignmentTables tables;

    public DecideVerdictsTasklet(String month, VerdictPolicy policy, ProviderTable providers, AlignmentTables tables) {
        this.month = month;
        this.policy = policy;
        this.providers = providers;
        this.tables = tables;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        contribution.incrementWriteCount(decideAll());
        return RepeatStatus.FINISHED;
    }

    /** Replaces the month's verdicts; returns how many were written. Call inside one transaction. */
    public int decideAll() {
        tables.deleteVerdicts(month);
        List<RuleId> driving = new ArrayList<>(VerdictPolicy.HOLD_RULES);
        driving.addAll(VerdictPolicy.REVIEW_RULES);
        driving.addAll(VerdictPolicy.REVIEW_WHEN_ERROR_RULES);
        Map<String, Long> lines = tables.linesByProvider(month);
        Map<String, Long> errorLines = tables.codingErrorLinesByProvider(month);
        Map<String, long[]> severities = tables.severityCountsByProvider(month);
        Map<String, List<VerdictInput.Hit>> hits = tables.verdictHitsByProvider(month, driving);
        List<ProviderVerdict> verdicts = new ArrayList<>();
        for (Provider p : providers.all(month)) {
            long[] s = severities.getOrDefault(p.npi(), new long[3]);
            verdicts.add(policy.decide(new VerdictInput(p.npi(), lines.getOrDefault(p.npi(), 0L),
                    errorLines.getOrDefault(p.npi(), 0L), s[0], s[1], s[2], hits.getOrDefault(p.npi(), List.of()))));
        }
        tables.insertVerdicts(month, verdicts);
        return verdicts.size();
    }
}
