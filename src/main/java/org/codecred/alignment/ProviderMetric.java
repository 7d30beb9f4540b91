package org.codecred.alignment;

/**
 * A row of {@code codecred.provider_metric}: one coding metric of one provider with its peer
 * comparison (figures null until comparePeers has run, or when the provider was not compared).
 *
 * @param id        the metric id, e.g. {@code share-90837}, {@code services-per-day}
 * @param value     null when the metric has no denominator
 * @param peerGroup the credential family compared with ({@link org.codecred.domain.CredentialFamily#id()})
 */
public record ProviderMetric(String npi, String id, Double value, String peerGroup, Integer peerSize,
                             Double peerMedian, Double peerThreshold) {

    /** Shares and rates are fractions shown as percentages; other metrics are plain numbers. */
    public boolean isShare() {
        return MetricIds.isShare(id);
    }

    public boolean aboveThreshold() {
        return value != null && peerThreshold != null && value > peerThreshold;
    }
}
