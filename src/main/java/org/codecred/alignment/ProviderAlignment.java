package org.codecred.alignment;

import org.codecred.domain.Finding;

import java.util.List;

/** What step alignSpecialties writes for one provider: its metrics, its alignment rows, its findings. */
public record ProviderAlignment(String npi, String peerGroup, List<MetricValue> metrics, List<AlignmentRow> rows,
                                List<Finding> findings) {
}
