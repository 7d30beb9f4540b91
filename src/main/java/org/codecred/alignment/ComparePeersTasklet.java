package org.codecred.alignment;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.staging.FindingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step comparePeers: for each compared metric, the robust peer figures (stored on every provider's
 * metric row) and the PEER-OUTLIER findings, each provider compared within its credential family and
 * claimed specialty where that group is large enough, else within its family ({@link PeerGroups}).
 * Holds one value per provider and metric. Runs in one transaction after deleting its own findings of the month and
 * overwrites the figures of every compared metric row, so a restart redoes it whole, never twice.
 */
public final class ComparePeersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ComparePeersTasklet.class);

    private final YearMonth month;
    private final List<PeerMetric> metrics;
    private final MetricTable metricTable;
    private final FindingTable findings;
    private final java.util.function.Supplier<Map<String, List<String>>> claimedSpecialties;

    public ComparePeersTasklet(YearMonth month, List<PeerMetric> metrics, MetricTable metricTable, FindingTable findings) {
        this(month, metrics, metricTable, findings, Map::of);
    }

    /** @param claimedSpecialties the roster's claimed specialty ids by NPI (read when the step runs) */
    public ComparePeersTasklet(YearMonth month, List<PeerMetric> metrics, MetricTable metricTable, FindingTable findings,
                               java.util.function.Supplier<Map<String, List<String>>> claimedSpecialties) {
        this.month = month;
        this.metrics = metrics;
        this.metricTable = metricTable;
        this.findings = findings;
        this.claimedSpecialties = claimedSpecialties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        findings.deleteRules(month, RuleId.ofStage(RuleId.Stage.PEERS));
        Set<String> ids = new LinkedHashSet<>();
        metrics.forEach(m -> {
            ids.add(m.metricId());
            ids.add(m.volumeMetric());
        });
        Map<String, Map<String, Double>> values = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        metricTable.forEach(month, List.copyOf(ids), row -> {
            values.computeIfAbsent(row.id(), k -> new HashMap<>()).put(row.npi(), row.value());
            groupOf.put(row.npi(), row.peerGroup());
        });

        List<MetricTable.PeerFigures> figures = new ArrayList<>();
        List<Finding> outliers = new ArrayList<>();
        Map<String, List<String>> claims = claimedSpecialties.get();
        for (PeerMetric metric : metrics) {
            PeerGroups.Outcome outcome = PeerGroups.compare(metric, values.getOrDefault(metric.metricId(), Map.of()),
                    values.getOrDefault(metric.volumeMetric(), Map.of()), groupOf, claims);
            figures.addAll(outcome.figures());
            outliers.addAll(outcome.outliers());
            log.info("peers {}: {} outliers", metric.metricId(), outcome.outliers().size());
        }
        metricTable.updatePeerFigures(month, figures);
        outliers.sort(Finding.REPORT_ORDER);
        findings.insert(month, outliers);
        contribution.incrementWriteCount(outliers.size());
        return RepeatStatus.FINISHED;
    }
}
