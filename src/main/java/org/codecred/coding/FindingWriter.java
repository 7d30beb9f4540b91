package org.codecred.coding;

import org.codecred.domain.Finding;
import org.codecred.staging.FindingTable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Stores a chunk's findings in the chunk's transaction, so they commit (or roll back) with it. */
public class FindingWriter implements ItemWriter<List<Finding>> {

    /**
     * Test seam: called after a chunk's findings are inserted, inside its transaction. Tests make it
     * throw once to stand for a crash in the middle of the step; it does nothing otherwise.
     */
    static volatile Runnable afterInsert = () -> {
    };

    private final FindingTable findings;
    private final YearMonth month;

    public FindingWriter(FindingTable findings, YearMonth month) {
        this.findings = findings;
        this.month = month;
    }

    @Override
    public void write(Chunk<? extends List<Finding>> chunk) {
        List<Finding> all = new ArrayList<>();
        for (List<Finding> day : chunk) {
            all.addAll(day);
        }
        findings.insert(month, all);
        afterInsert.run();
    }
}
