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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Step comparePeers: each provider's window totals (this month from the metric rows, earlier
 * completed months from history), the tests of every metric within each peer group, one
 * Benjamini–Hochberg cut over all of them ({@link PeerGroups}), the figures stored on every
 * provider's metric rows and the PEER-OUTLIER findings. Runs in one transaction after deleting its
 * own findings of the month and overwrites the figures of every compared metric row; it reads only
 * this month's staging and earlier months' history, so a restart redoes it whole, to the same result.
 */
public final class ComparePeersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ComparePeersTasklet.class);

    private final YearMonth month;
    private final List<PeerMetric> metrics;
    private final PeerSettings settings;
    private final MetricTable metricTable;
    private final FindingTable findings;
    private final Supplier<Map<String, List<String>>> supportedClaims;
    private final PeerHistory history;

    /**
     * @param supportedClaims each provider's claimed specialties judged SUPPORTED or WEAK this month (read when
     *                        the step runs)
     * @param history         the earlier months of the window
     */
    public ComparePeersTasklet(YearMonth month, List<PeerMetric> metrics, PeerSettings settings, MetricTable metricTable,
                               FindingTable findings, Supplier<Map<String, List<String>>> supportedClaims,
                               PeerHistory history) {
        this.month = month;
        this.metrics = metrics;
        this.settings = settings;
        this.metricTable = metricTable;
        this.findings = findings;
        this.supportedClaims = supportedClaims;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        findings.deleteRules(month, RuleId.ofStage(RuleId.Stage.PEERS));
        List<String> ids = metricIds();
        Map<String, Map<String, Double>> current = new HashMap<>();
        Map<String, String> familyOf = new HashMap<>();
        metricTable.forEach(month, ids, row -> {
            current.computeIfAbsent(row.npi(), k -> new HashMap<>()).put(row.id(), row.value());
            // the family, also when an earlier attempt stored the specialty group used
            String group = String.valueOf(row.peerGroup());
            familyOf.put(row.npi(), group.contains("|") ? group.substring(0, group.indexOf('|')) : group);
        });
        Map<YearMonth, Map<String, Map<String, Double>>> earlier =
                history.metrics(month, settings.windowMonths() - 1, ids);

        Map<String, String> windowOf = new HashMap<>();
        Map<String, Map<String, PeerComparison.PeerValue>> windows = windows(metrics, month, current, earlier, windowOf);
        log.info("peers: window {} ({} earlier completed month(s) from history)", window(earlierAndThis(earlier)),
                earlier.size());

        PeerGroups.Outcome outcome = PeerGroups.compare(metrics, settings, windows, familyOf, supportedClaims.get(),
                windowOf);
        metricTable.updatePeerFigures(month, outcome.figures());
        List<Finding> outliers = new ArrayList<>(outcome.outliers());
        outliers.sort(Finding.REPORT_ORDER);
        findings.insert(month, outliers);
        contribution.incrementWriteCount(outliers.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Each provider's window totals per metric: this month's counts plus those of the earlier completed
     * months where history holds the provider. A month counts for a metric only with both of its counts
     * (months recorded before v3 lack the numerators). Only providers with volume get a value.
     *
     * @param current  this month: {npi -> {metric -> value}}
     * @param earlier  earlier months: {month -> {npi -> {metric -> value}}}
     * @param windowOf filled with each provider's window in words
     */
    static Map<String, Map<String, PeerComparison.PeerValue>> windows(List<PeerMetric> metrics, YearMonth month,
            Map<String, Map<String, Double>> current, Map<YearMonth, Map<String, Map<String, Double>>> earlier,
            Map<String, String> windowOf) {
        Map<String, Map<String, PeerComparison.PeerValue>> windows = new HashMap<>();
        for (String npi : new TreeSet<>(current.keySet())) {
            List<Map<String, Double>> months = new ArrayList<>();
            List<YearMonth> used = new ArrayList<>();
            new java.util.TreeMap<>(earlier).forEach((m, byNpi) -> {
                if (byNpi.containsKey(npi)) {
                    months.add(byNpi.get(npi));
                    used.add(m);
                }
            });
            months.add(current.get(npi));
            used.add(month);
            windowOf.put(npi, window(used));
            double visits = months.stream().mapToDouble(m -> value(m, MetricIds.VISITS)).sum();
            for (PeerMetric metric : metrics) {
                double numerator = 0;
                double volume = 0;
                for (Map<String, Double> m : months) {
                    if (m.get(metric.numeratorMetric()) != null && m.get(metric.volumeMetric()) != null) {
                        numerator += m.get(metric.numeratorMetric());
                        volume += m.get(metric.volumeMetric());
                    }
                }
                if (volume > 0) {
                    windows.computeIfAbsent(metric.metricId(), k -> new HashMap<>())
                            .put(npi, new PeerComparison.PeerValue(npi, numerator, volume, visits));
                }
            }
        }
        return windows;
    }

    private List<String> metricIds() {
        TreeSet<String> ids = new TreeSet<>();
        ids.add(MetricIds.VISITS);
        for (PeerMetric m : metrics) {
            ids.add(m.metricId());
            ids.add(m.volumeMetric());
            if (!m.numeratorMetric().isEmpty()) {
                ids.add(m.numeratorMetric());
            }
        }
        return List.copyOf(ids);
    }

    private List<YearMonth> earlierAndThis(Map<YearMonth, ?> earlier) {
        List<YearMonth> all = new ArrayList<>(new TreeSet<>(earlier.keySet()));
        all.add(month);
        return all;
    }

    private static double value(Map<String, Double> metrics, String id) {
        Double v = metrics.get(id);
        return v == null ? 0 : v;
    }

    /** "2026-10", or "2026-08 to 2026-10" (months in order). */
    static String window(List<YearMonth> months) {
        List<YearMonth> sorted = new ArrayList<>(new TreeSet<>(months));
        return sorted.size() == 1 ? sorted.get(0).toString()
                : sorted.get(0) + " to " + sorted.get(sorted.size() - 1);
    }
}
