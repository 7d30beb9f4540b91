package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who is compared with whom, and the month's verdict on every test (contract v3). A provider's peers
 * are its credential family; where the family members who claim the same specialty, with that claim
 * SUPPORTED or WEAK by their coding, form a group large enough, that specialty group instead (a trauma
 * specialist's long sessions are expected among trauma specialists; an unsupported claim does not buy
 * lenient peers). With several such groups the most lenient one decides: the test with the largest
 * p-value. All tests of the month then go through one Benjamini–Hochberg procedure, so that among
 * thousands of tests the expected share of false alarms stays at q; PEER-OUTLIER also needs the
 * excess over the peer median to pass the metric's clinical floor. Plain Java.
 */
public final class PeerGroups {

    private static final Logger log = LoggerFactory.getLogger(PeerGroups.class);

    /**
     * The figures stored on each provider's metric rows, the PEER-OUTLIER findings, and the month's
     * tests and BH cut (for the log and the tests).
     *
     * @param cut the largest p-value that passed Benjamini–Hochberg; -1 when none did
     */
    public record Outcome(List<MetricTable.PeerFigures> figures, List<Finding> outliers, int tests, double cut) {
    }

    private PeerGroups() {
    }

    /**
     * @param metrics   the rows of peers.csv
     * @param windows   per metric id, each provider's window totals (only providers with a value)
     * @param family    the peer-group id (credential family) of every provider with metric rows
     * @param supported each provider's claimed specialties whose outcome is SUPPORTED or WEAK
     * @param windowOf  each provider's window in words for the messages, e.g. "2026-08 to 2026-10"
     */
    public static Outcome compare(List<PeerMetric> metrics, PeerSettings settings,
                                  Map<String, Map<String, PeerComparison.PeerValue>> windows,
                                  Map<String, String> family, Map<String, List<String>> supported,
                                  Map<String, String> windowOf) {
        List<PeerComparison.Test> chosen = new ArrayList<>();
        List<MetricTable.PeerFigures> untested = new ArrayList<>();
        for (PeerMetric metric : metrics) {
            Map<String, PeerComparison.PeerValue> values = windows.getOrDefault(metric.metricId(), Map.of());
            Map<String, List<PeerComparison.PeerValue>> members = new TreeMap<>();
            values.forEach((npi, v) -> {
                String fam = String.valueOf(family.get(npi));
                members.computeIfAbsent(fam, k -> new ArrayList<>()).add(v);
                for (String specialty : supported.getOrDefault(npi, List.of())) {
                    members.computeIfAbsent(fam + "|" + specialty, k -> new ArrayList<>()).add(v);
                }
            });
            Map<String, PeerComparison.Group> groups = new TreeMap<>();
            members.forEach((id, list) -> groups.put(id, PeerComparison.group(metric, settings, id, label(id), list)));
            for (String npi : new java.util.TreeSet<>(family.keySet())) {
                String fam = String.valueOf(family.get(npi));
                PeerComparison.Test best = null;
                for (String specialty : supported.getOrDefault(npi, List.of())) {
                    PeerComparison.Test t = PeerComparison.test(groups.get(fam + "|" + specialty), npi);
                    if (t != null && (best == null || t.pValue() > best.pValue())) {
                        best = t;
                    }
                }
                if (best == null && groups.containsKey(fam)) {
                    best = PeerComparison.test(groups.get(fam), npi);
                }
                if (best != null) {
                    chosen.add(best);
                } else {
                    untested.add(untestedFigures(metric, npi, fam, groups.get(fam)));
                }
            }
        }
        double[] pValues = chosen.stream().filter(t -> t.metric().enabled()).mapToDouble(PeerComparison.Test::pValue)
                .toArray();
        double q = settings.fdrQ();
        double cut = PeerStatistics.benjaminiHochbergCut(pValues, q);
        // the bar a provider not flagged this month would have had to pass
        double bar = Math.max(cut, pValues.length == 0 ? q : q / pValues.length);

        List<MetricTable.PeerFigures> figures = new ArrayList<>(untested);
        List<Finding> outliers = new ArrayList<>();
        for (PeerComparison.Test t : chosen) {
            double threshold = t.threshold(bar);
            figures.add(new MetricTable.PeerFigures(t.provider().npi(), t.metric().metricId(), t.group().size(),
                    t.group().median(), threshold, t.group().id()));
            if (t.fires(cut)) {
                outliers.add(Finding.onProvider(RuleId.PEER_OUTLIER, t.provider().npi(), t.metric().metricId(),
                        PeerComparison.sentence(t, threshold,
                                windowOf.getOrDefault(t.provider().npi(), "this month"), pValues.length, q)));
            }
        }
        figures.sort(Comparator.comparing(MetricTable.PeerFigures::npi).thenComparing(MetricTable.PeerFigures::metricId));
        log.info("peers: {} tests, Benjamini–Hochberg cut at q = {}: {}, {} outliers", pValues.length, q,
                cut < 0 ? "none passed" : cut, outliers.size());
        return new Outcome(figures, outliers, pValues.length, cut);
    }

    /** A provider not tested: its family's size and median when the family was compared, no threshold. */
    private static MetricTable.PeerFigures untestedFigures(PeerMetric metric, String npi, String fam,
                                                          PeerComparison.Group group) {
        if (group == null) {
            return new MetricTable.PeerFigures(npi, metric.metricId(), 0, null, null, fam);
        }
        return new MetricTable.PeerFigures(npi, metric.metricId(), group.size(),
                group.compared() ? group.median() : null, null, fam);
    }

    /** "social workers" for a family, "social workers, trauma" for a specialty group. */
    public static String label(String groupId) {
        if (groupId == null) {
            return "peers";
        }
        int bar = groupId.indexOf('|');
        String family = CredentialFamily.ofPeerGroup(bar < 0 ? groupId : groupId.substring(0, bar)).label();
        return bar < 0 ? family : family + ", " + groupId.substring(bar + 1);
    }
}
