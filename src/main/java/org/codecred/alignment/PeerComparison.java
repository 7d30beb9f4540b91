package org.codecred.alignment;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares one metric within one peer group (a credential family) with robust statistics: the
 * median and the median absolute deviation (or a percentile), so one extreme provider cannot lift
 * the baseline and hide itself. Plain Java: no database, no Spring.
 */
public final class PeerComparison {

    /** MAD x 1.4826 estimates the standard deviation of normally distributed values. */
    static final double MAD_SCALE = 1.4826;

    /** One provider's value and the volume it rests on. */
    public record PeerValue(String npi, Double value, double volume) {
    }

    /**
     * The group's figures and the outliers.
     *
     * @param size      eligible providers (value present, volume at least the minimum)
     * @param median    of the eligible values; null when none
     * @param threshold null when the group is smaller than the minimum group size (not compared)
     */
    public record Result(int size, Double median, Double threshold, List<Finding> outliers) {
    }

    private PeerComparison() {
    }

    public static Result compare(PeerMetric metric, CredentialFamily family, List<PeerValue> group) {
        return compare(metric, family, family.label(), group);
    }

    /**
     * @param groupLabel the peer group in words for the message: "social workers", or "social workers
     *                   claiming trauma" for a specialty group
     */
    public static Result compare(PeerMetric metric, CredentialFamily family, String groupLabel, List<PeerValue> group) {
        List<PeerValue> eligible = group.stream()
                .filter(v -> v.value() != null && !v.value().isNaN() && v.volume() >= metric.minVolume())
                .toList();
        double[] values = eligible.stream().mapToDouble(PeerValue::value).sorted().toArray();
        if (values.length == 0) {
            return new Result(0, null, null, List.of());
        }
        double median = percentile(values, 50);
        if (values.length < metric.minGroupSize() || family == CredentialFamily.UNKNOWN) {
            return new Result(values.length, median, null, List.of());
        }
        double threshold;
        String how;
        if (metric.method() == PeerMetric.Method.MAD) {
            double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
            double mad = percentile(deviations, 50);
            threshold = median + Math.max(metric.madMultiplier() * MAD_SCALE * mad, metric.minExcess());
            how = "median + " + number(metric.madMultiplier()) + " x 1.4826 x MAD, at least median + "
                    + format(metric.metricId(), metric.minExcess());
        } else {
            threshold = Math.max(percentile(values, metric.percentile()), median + metric.minExcess());
            how = "the group's " + number(metric.percentile()) + "th percentile, at least median + "
                    + format(metric.metricId(), metric.minExcess());
        }
        List<Finding> outliers = new ArrayList<>();
        if (metric.enabled()) {
            for (PeerValue v : eligible) {
                if (v.value() > threshold) {
                    outliers.add(Finding.onProvider(RuleId.PEER_OUTLIER, v.npi(), metric.metricId(),
                            metric.label() + ": " + format(metric.metricId(), v.value()) + " (on " + number(v.volume())
                                    + " " + metric.volumeMetric() + ") against a peer median of "
                                    + format(metric.metricId(), median) + " among " + values.length + " "
                                    + groupLabel + "; outlier threshold " + format(metric.metricId(), threshold)
                                    + " (" + how + ")"));
                }
            }
        }
        return new Result(values.length, median, threshold, outliers);
    }

    /** Linear interpolation between closest ranks; {@code sorted} must be sorted and non-empty. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    static String format(String metricId, double value) {
        return MetricIds.isShare(metricId) ? String.format(Locale.ROOT, "%.1f %%", value * 100) : number(value);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
