package org.codecred.dossier;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Splits the month's roster, in NPI order, into contiguous NPI ranges of about equal size, one per
 * partition of writeDossiers. The split depends only on the roster, so a restart finds the same
 * partitions under the same names (Spring Batch restarts only the ones that did not complete).
 */
public final class ProviderRangePartitioner implements Partitioner {

    static final String FROM_NPI = "fromNpi";
    static final String TO_NPI = "toNpi";

    private final Supplier<List<String>> rosterNpis;

    /** @param rosterNpis the roster's NPIs in ascending order */
    public ProviderRangePartitioner(Supplier<List<String>> rosterNpis) {
        this.rosterNpis = rosterNpis;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> npis = rosterNpis.get();
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int count = Math.max(1, Math.min(gridSize, npis.size()));
        for (int p = 0; p < count; p++) {
            ExecutionContext context = new ExecutionContext();
            if (npis.isEmpty()) {
                context.putString(FROM_NPI, "1");
                context.putString(TO_NPI, "0"); // an empty range: nothing to write
            } else {
                int first = (int) ((long) npis.size() * p / count);
                int last = (int) ((long) npis.size() * (p + 1) / count) - 1;
                context.putString(FROM_NPI, npis.get(first));
                context.putString(TO_NPI, npis.get(last));
            }
            partitions.put(String.format("range%03d", p + 1), context);
        }
        return partitions;
    }
}
