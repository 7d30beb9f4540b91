package org.codecred.alignment;

import org.codecred.staging.FindingTable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.YearMonth;

/**
 * alignSpecialties' writer: each provider's metrics, alignment rows and findings, in the chunk's
 * transaction (the metrics, when the staging engine holds them, in a transaction of its own just before).
 */
public class AlignmentWriter implements ItemWriter<ProviderAlignment> {

    private final YearMonth month;
    private final MetricTable metrics;
    private final SpecialtyAlignmentTable alignments;
    private final FindingTable findings;

    public AlignmentWriter(YearMonth month, MetricTable metrics, SpecialtyAlignmentTable alignments, FindingTable findings) {
        this.month = month;
        this.metrics = metrics;
        this.alignments = alignments;
        this.findings = findings;
    }

    @Override
    public void write(Chunk<? extends ProviderAlignment> chunk) {
        // the chunk's metrics at once: in the staging engine one transaction, replacing any rows of these
        // providers that an interrupted attempt left there (the engine commits apart from the chunk)
        java.util.List<MetricTable.Measured> measured = new java.util.ArrayList<>();
        for (ProviderAlignment a : chunk) {
            measured.add(new MetricTable.Measured(a.npi(), a.peerGroup(), a.metrics()));
        }
        metrics.insert(month, measured);
        for (ProviderAlignment a : chunk) {
            alignments.insert(month, a.rows());
            findings.insert(month, a.findings());
        }
    }
}
