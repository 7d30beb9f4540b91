package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One metric within one peer group (contract v3, domain reference 11.6). Each provider's value is
 * taken over its window (this month and up to two previous completed months): a count on top over a
 * volume below, both in visits (or days). Shares are tested with the exact binomial upper tail against
 * the group's pooled share with the provider left out, so a provider never lowers the bar it is held
 * to; counts with the robust z of Iglewicz and Hoaglin, whose MAD is floored so that a group where
 * most peers do the same thing never divides by zero. Whether a p-value is small enough is decided
 * over all tests of the month at once ({@link PeerGroups}, Benjamini–Hochberg); here a test only
 * knows its own p-value. Plain Java: no database, no Spring.
 */
public final class PeerComparison {

    /**
     * One provider's window totals for one metric.
     *
     * @param numerator the count on top (visits with a 90837...), summed over the window
     * @param volume    the count below (individual psychotherapy visits...), summed over the window
     * @param visits    all of the provider's visits in the window (who counts as a peer)
     */
    public record PeerValue(String npi, double numerator, double volume, double visits) {
        public double value() {
            return numerator / volume;
        }
    }

    /**
     * A group's figures for one metric.
     *
     * @param id       the peer-group id: the credential family ({@code social-worker}), or family and
     *                 specialty ({@code social-worker|trauma})
     * @param label    the group in words without its size: "social workers, trauma"
     * @param peers    the members with enough visits and volume: they set the figures and are tested
     * @param compared false when the group is too small (or the credential unknown): nobody is tested
     * @param median   of the peers' values; null without peers
     */
    public record Group(PeerMetric metric, String id, String label, List<PeerValue> peers, boolean compared,
                        Double median, double pooledNumerator, double pooledVolume, double flooredMad,
                        Map<String, PeerValue> byNpi) {

        public Group(PeerMetric metric, String id, String label, List<PeerValue> peers, boolean compared,
                     Double median, double pooledNumerator, double pooledVolume, double flooredMad) {
            this(metric, id, label, peers, compared, median, pooledNumerator, pooledVolume, flooredMad, byNpi(peers));
        }

        public int size() {
            return peers.size();
        }

        public boolean hasPeer(String npi) {
            return byNpi.containsKey(npi);
        }

        /** The peer {@code npi}, or null: a lookup, since every member of a family group asks for itself. */
        public PeerValue peer(String npi) {
            return byNpi.get(npi);
        }

        private static Map<String, PeerValue> byNpi(List<PeerValue> peers) {
            Map<String, PeerValue> map = new HashMap<>();
            for (PeerValue p : peers) {
                map.putIfAbsent(p.npi(), p); // the first, as a search in list order would find
            }
            return map;
        }
    }

    /**
     * One provider's test within its group.
     *
     * @param baseline the peer share the binomial test used (pooled, provider left out), or the peer
     *                 median for a count
     * @param pValue   one-sided: the chance of a value at least this high among peers like these
     */
    public record Test(Group group, PeerValue provider, double baseline, double pValue) {

        public PeerMetric metric() {
            return group.metric();
        }

        /** How far above the peer median the provider is (in the metric's unit). */
        public double excess() {
            return provider.value() - group.median();
        }

        /** PEER-OUTLIER: significant among the month's tests (p at most the BH cut) AND above the clinical floor. */
        public boolean fires(double cut) {
            return metric().enabled() && cut >= 0 && pValue <= cut && excess() > metric().clinicalFloor();
        }

        /**
         * The value above which this provider would be flagged, given the month's BH cut: the larger of
         * the peer median plus the clinical floor and the smallest value whose test passes the cut. With
         * no test passing, the cut a single test would need (q / number of tests) stands in.
         */
        public double threshold(double cut) {
            double floorLine = group.median() + metric().clinicalFloor();
            if (metric().isShare()) {
                long n = Math.round(provider.volume());
                long k = PeerStatistics.leastCountAtMost(n, baseline, cut);
                // k is the least count that passes; the threshold is the share just below it
                return Math.max(floorLine, k > n ? 1.0 : (k - 1.0) / n);
            }
            double z = PeerStatistics.normalUpperQuantile(cut);
            return Math.max(floorLine, group.median() + z * group.flooredMad() / PeerStatistics.MODIFIED_Z_SCALE);
        }
    }

    private PeerComparison() {
    }

    /**
     * The group's peers (members with at least {@code minVisits} visits and the metric's minimum
     * volume in the window) and its figures; compared when the peers reach the minimum group size.
     */
    public static Group group(PeerMetric metric, PeerSettings settings, String id, String label,
                              List<PeerValue> members) {
        List<PeerValue> peers = members.stream()
                .filter(v -> v.volume() > 0 && v.volume() >= metric.minVolume() && v.visits() >= settings.minVisits())
                .toList();
        if (peers.isEmpty()) {
            return new Group(metric, id, label, peers, false, null, 0, 0, 1);
        }
        double[] values = peers.stream().mapToDouble(PeerValue::value).toArray();
        double median = PeerStatistics.median(values);
        double mad = PeerStatistics.flooredMad(PeerStatistics.mad(values, median), median);
        double k = peers.stream().mapToDouble(PeerValue::numerator).sum();
        double n = peers.stream().mapToDouble(PeerValue::volume).sum();
        String family = id.contains("|") ? id.substring(0, id.indexOf('|')) : id;
        boolean compared = peers.size() >= settings.minGroupSize()
                && CredentialFamily.ofPeerGroup(family) != CredentialFamily.UNKNOWN;
        return new Group(metric, id, label, peers, compared, median, k, n, mad);
    }

    /** The test of one of the group's peers; null without a group, when it is not compared or it is not a peer. */
    public static Test test(Group group, String npi) {
        if (group == null || !group.compared()) {
            return null;
        }
        PeerValue v = group.peer(npi);
        if (v == null) {
            return null;
        }
        if (group.metric().isShare()) {
            // the pooled share of the others: the provider's own visits never lower the bar it is held to
            double others = group.pooledVolume() - v.volume();
            double p0 = others <= 0 ? 0 : (group.pooledNumerator() - v.numerator()) / others;
            return new Test(group, v, p0, PeerStatistics.binomialUpperTail(Math.round(v.numerator()),
                    Math.round(v.volume()), p0));
        }
        double z = PeerStatistics.modifiedZ(v.value(), group.median(), group.flooredMad());
        return new Test(group, v, group.median(), PeerStatistics.normalUpperTail(z));
    }

    /**
     * The comparison in words, e.g. "60-minute sessions (90837) among individual psychotherapy visits:
     * 17.0 % (41 of 240, 2026-08 to 2026-10); peers 3.0 % (8 social workers, trauma); threshold 12.0 %".
     */
    public static String sentence(Test t, double threshold, String window, int tests, double q) {
        PeerMetric m = t.metric();
        StringBuilder s = new StringBuilder(m.label()).append(": ").append(format(m, t.provider().value()))
                .append(" (").append(number(t.provider().numerator()))
                .append(m.isShare() ? " of " : " " + m.numeratorMetric() + " over ")
                .append(number(t.provider().volume())).append(m.isShare() ? "" : " " + m.volumeMetric())
                .append(", ").append(window).append("); peers ")
                .append(format(m, t.group().median())).append(" (").append(t.group().size()).append(' ')
                .append(t.group().label()).append("); threshold ").append(format(m, threshold)).append(" (");
        if (m.isShare()) {
            s.append("peers' pooled share without this provider ").append(format(m, t.baseline()))
                    .append(", exact binomial test");
        } else {
            s.append("robust z ").append(String.format(Locale.ROOT, "%.1f",
                    PeerStatistics.modifiedZ(t.provider().value(), t.group().median(), t.group().flooredMad())));
        }
        s.append(", p ").append(pValue(t.pValue())).append(", significant among the month's ").append(tests)
                .append(" peer tests at a false-discovery rate of ").append(number(q * 100)).append(" %")
                .append("; more than ").append(floor(m)).append(" above the peer median)");
        return s.toString();
    }

    private static String floor(PeerMetric m) {
        return m.isShare() ? number(m.clinicalFloor() * 100) + " percentage points" : number(m.clinicalFloor());
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", p);
    }

    static String format(PeerMetric metric, double value) {
        return metric.isShare() ? String.format(Locale.ROOT, "%.1f %%", value * 100)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
