package org.codecred.alignment;

/**
 * One row of {@code peers.csv}: a metric compared within each credential family.
 *
 * @param volumeMetric   the metric that says how much the value rests on (e.g. individual-psychotherapy lines)
 * @param minVolume      providers below it are shown the peer figures but neither counted nor flagged
 * @param minGroupSize   eligible providers a family needs before anyone is compared
 * @param method         MAD or PERCENTILE
 * @param madMultiplier  k in median + k x 1.4826 x MAD
 * @param percentile     0-100, for the percentile method
 * @param minExcess      the threshold is at least median + minExcess
 * @param enabled        false: figures kept, no finding
 */
public record PeerMetric(String metricId, String label, String volumeMetric, double minVolume, int minGroupSize,
                         Method method, double madMultiplier, double percentile, double minExcess, boolean enabled) {

    public enum Method { MAD, PERCENTILE }
}
