package org.codecred.alignment;

/**
 * One metric of one provider.
 *
 * @param value null when the metric has no denominator (no individual psychotherapy, no E/M visit...)
 */
public record MetricValue(String metricId, Double value) {
}
