package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.staging.FindingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Step comparePeers: for each compared metric and each credential family, the robust peer figures
 * (stored on every provider's metric row) and the PEER-OUTLIER findings. Holds one value per
 * provider and metric. Runs in one transaction after deleting its own findings of the month and
 * overwrites the figures of every compared metric row, so a restart redoes it whole, never twice.
 */
public final class ComparePeersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ComparePeersTasklet.class);

    private final String month;
    private final List<PeerMetric> metrics;
    private final MetricTable metricTable;
    private final FindingTable findings;

    public ComparePeersTasklet(String month, List<PeerMetric> metrics, MetricTable metricTable, FindingTable findings) {
        this.month = month;
        this.metrics = metrics;
        this.metricTable = metricTable;
        this.findings = findings;
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
        for (PeerMetric metric : metrics) {
            Map<String, Double> metricValues = values.getOrDefault(metric.metricId(), Map.of());
            Map<String, Double> volumes = values.getOrDefault(metric.volumeMetric(), Map.of());
            Map<String, List<PeerComparison.PeerValue>> byGroup = new TreeMap<>();
            metricValues.forEach((npi, value) -> {
                Double volume = volumes.get(npi);
                byGroup.computeIfAbsent(String.valueOf(groupOf.get(npi)), k -> new ArrayList<>())
                        .add(new PeerComparison.PeerValue(npi, value, volume == null ? 0 : volume));
            });
            byGroup.forEach((group, members) -> {
                CredentialFamily family = CredentialFamily.ofPeerGroup(group);
                PeerComparison.Result result = PeerComparison.compare(metric, family, members);
                for (PeerComparison.PeerValue member : members) {
                    figures.add(new MetricTable.PeerFigures(member.npi(), metric.metricId(), result.size(),
                            result.median(), result.threshold()));
                }
                outliers.addAll(result.outliers());
                log.info("peers {} / {}: {} eligible, median {}, threshold {}, {} outliers", metric.metricId(), group,
                        result.size(), result.median(), result.threshold(), result.outliers().size());
            });
        }
        metricTable.updatePeerFigures(month, figures);
        outliers.sort(Finding.REPORT_ORDER);
        findings.insert(month, outliers);
        contribution.incrementWriteCount(outliers.size());
        return RepeatStatus.FINISHED;
    }
}
