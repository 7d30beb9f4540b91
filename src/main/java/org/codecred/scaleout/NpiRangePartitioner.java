package org.codecred.scaleout;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Splits a month's NPIs (the roster's, or the rendering NPIs of its claim lines), in NPI order,
 * into contiguous NPI ranges of about equal size, one per partition of a per-provider step. The split
 * depends only on the staged month, so a restart finds the same partitions under the same names
 * (Spring Batch restarts only the ones that did not complete, from their own last commit). Each
 * range is inclusive at both ends: {@code fromNpi <= npi <= toNpi}.
 */
public final class NpiRangePartitioner implements Partitioner {

    public static final String FROM_NPI = "fromNpi";
    public static final String TO_NPI = "toNpi";

    private final Supplier<List<String>> npisInOrder;

    /** @param npisInOrder the NPIs to split, in ascending order, each once */
    public NpiRangePartitioner(Supplier<List<String>> npisInOrder) {
        this.npisInOrder = npisInOrder;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> npis = npisInOrder.get();
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int count = Math.max(1, Math.min(gridSize, npis.size()));
        for (int p = 0; p < count; p++) {
            ExecutionContext context = new ExecutionContext();
            if (npis.isEmpty()) {
                context.putString(FROM_NPI, "1");
                context.putString(TO_NPI, "0"); // an empty range: nothing to do
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

    /** True when {@code npi} falls in the partition's range. */
    public static boolean inRange(String npi, String fromNpi, String toNpi) {
        return npi.compareTo(fromNpi) >= 0 && npi.compareTo(toNpi) <= 0;
    }
}
