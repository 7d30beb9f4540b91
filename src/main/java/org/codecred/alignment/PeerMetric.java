package org.codecred.alignment;

/**
 * One row of {@code peers.csv}: a metric compared within each peer group (contract v3). Its value
 * over the provider's window is the sum of {@code numeratorMetric} over the sum of
 * {@code volumeMetric}, both counted in visits (or days, or months) per month.
 *
 * @param label           the metric in words, as the finding and the dossier say it
 * @param numeratorMetric the count on top: visits with a 90837, visits worked, days worked...
 * @param volumeMetric    the count below: individual psychotherapy visits, days worked, months active...
 * @param minVolume       a provider is tested only with at least this much volume in the window
 * @param clinicalFloor   PEER-OUTLIER needs the provider's value to exceed the peer median by more than this
 *                        (a share as a fraction, a count in its unit), whatever the statistics say
 * @param enabled         false: figures kept, no test, no finding
 */
public record PeerMetric(String metricId, String label, String numeratorMetric, String volumeMetric, double minVolume,
                         double clinicalFloor, boolean enabled) {

    /** Shares get the binomial test; counts (visits per day, days worked) the robust z. */
    public boolean isShare() {
        return MetricIds.isShare(metricId);
    }
}
