package org.codecred.alignment;

import org.codecred.staging.FindingTable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.YearMonth;

/** alignSpecialties' writer: each provider's metrics, alignment rows and findings, in the chunk's transaction. */
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
        for (ProviderAlignment a : chunk) {
            metrics.insert(month, a.npi(), a.peerGroup(), a.metrics());
            alignments.insert(month, a.rows());
            findings.insert(month, a.findings());
        }
    }
}
