package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is compared with whom for one metric (contract v2): the peers of a provider's credential family
 * who claim the same specialty, where that group reaches the metric's minimum group size (a trauma
 * specialist's long sessions are expected among trauma specialists), else the whole family. With
 * several large-enough specialty groups the most lenient one decides: a provider is an outlier only
 * when it is one in all of them, and that group's figures are stored. Plain Java.
 */
public final class PeerGroups {

    private static final Logger log = LoggerFactory.getLogger(PeerGroups.class);

    /** The figures stored on each provider's metric row and the PEER-OUTLIER findings. */
    public record Outcome(List<MetricTable.PeerFigures> figures, List<Finding> outliers) {
    }

    private PeerGroups() {
    }

    /**
     * @param values  the metric's value by NPI
     * @param volumes the volume metric's value by NPI
     * @param family  the peer-group id (credential family) by NPI
     * @param claims  the claimed specialty ids by NPI
     */
    public static Outcome compare(PeerMetric metric, Map<String, Double> values, Map<String, Double> volumes,
                                  Map<String, String> family, Map<String, List<String>> claims) {
        Map<String, List<PeerComparison.PeerValue>> byGroup = new TreeMap<>();
        values.forEach((npi, value) -> {
            Double volume = volumes.get(npi);
            String fam = String.valueOf(family.get(npi));
            PeerComparison.PeerValue v = new PeerComparison.PeerValue(npi, value, volume == null ? 0 : volume);
            byGroup.computeIfAbsent(fam, k -> new ArrayList<>()).add(v);
            for (String specialty : claims.getOrDefault(npi, List.of())) {
                byGroup.computeIfAbsent(fam + "|" + specialty, k -> new ArrayList<>()).add(v);
            }
        });
        Map<String, PeerComparison.Result> results = new HashMap<>();
        byGroup.forEach((group, members) -> {
            int bar = group.indexOf('|');
            CredentialFamily fam = CredentialFamily.ofPeerGroup(bar < 0 ? group : group.substring(0, bar));
            String label = bar < 0 ? fam.label() : fam.label() + " claiming " + group.substring(bar + 1);
            PeerComparison.Result result = PeerComparison.compare(metric, fam, label, members);
            results.put(group, result);
            log.debug("peers {} / {}: {} eligible, median {}, threshold {}, {} outliers", metric.metricId(), group,
                    result.size(), result.median(), result.threshold(), result.outliers().size());
        });
        List<MetricTable.PeerFigures> figures = new ArrayList<>();
        List<Finding> outliers = new ArrayList<>();
        for (String npi : new TreeSet<>(values.keySet())) {
            String fam = String.valueOf(family.get(npi));
            String deciding = null;
            for (String specialty : claims.getOrDefault(npi, List.of())) {
                PeerComparison.Result r = results.get(fam + "|" + specialty);
                if (r != null && r.threshold() != null
                        && (deciding == null || r.threshold() > results.get(deciding).threshold())) {
                    deciding = fam + "|" + specialty;
                }
            }
            PeerComparison.Result result = results.get(deciding == null ? fam : deciding);
            figures.add(new MetricTable.PeerFigures(npi, metric.metricId(), result.size(), result.median(),
                    result.threshold()));
            for (Finding f : result.outliers()) {
                if (f.providerNpi().equals(npi)) {
                    outliers.add(f);
                }
            }
        }
        return new Outcome(figures, outliers);
    }
}
