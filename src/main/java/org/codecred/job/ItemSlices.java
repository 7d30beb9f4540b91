package org.codecred.job;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of a reader in slices of up to {@code size}, one slice per item of the step: Spring Batch's
 * chunk step spends as much on each item (scoped-bean lookups, observations, listeners) as a claim row
 * check or a provider-day's rules themselves, so loadClaims and validateCoding hand it a few hundred
 * rows, or a hundred provider-days, at a time instead of one. The saved state is the reader's, and a
 * chunk of whole slices ends on the same item as a chunk of as many single items: a restart resumes
 * exactly where it did. The step's read and write counts stay counts of the reader's items
 * ({@link #writeSlices}).
 */
public class ItemSlices<T> implements ItemStreamReader<List<T>> {

    private final ItemStreamReader<T> items;
    private final int size;

    public ItemSlices(ItemStreamReader<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a slice holds at least one item: " + size);
        }
        this.items = items;
        this.size = size;
    }

    /** The next up-to-{@code size} items, or null when the reader has no more. */
    @Override
    public List<T> read() throws Exception {
        List<T> slice = null;
        T item;
        while ((slice == null || slice.size() < size) && (item = items.read()) != null) {
            if (slice == null) {
                slice = new ArrayList<>(size);
            }
            slice.add(item);
        }
        StepExecution step = currentStep();
        if (slice != null && step != null) {
            // the step counts one item read per slice: count its items, as a step of single items would
            step.setReadCount(step.getReadCount() + slice.size() - 1);
        }
        return slice;
    }

    /**
     * Writes a chunk of slices through {@code items}, the writer of single items, as one chunk of their
     * items; and counts items, not slices, as the step's written items (the step adds one per slice,
     * the rest is added here once the items are written).
     */
    public static <T> void writeSlices(Chunk<? extends List<T>> slices, ItemWriter<T> items) throws Exception {
        List<T> all = new ArrayList<>();
        for (List<T> slice : slices) {
            all.addAll(slice);
        }
        items.write(new Chunk<>(all));
        StepExecution step = currentStep();
        if (step != null) {
            step.setWriteCount(step.getWriteCount() + all.size() - slices.size());
        }
    }

    /** The step execution running on this thread, or null outside a step (tools and tests). */
    private static StepExecution currentStep() {
        StepContext context = StepSynchronizationManager.getContext();
        return context == null ? null : context.getStepExecution();
    }

    @Override
    public void open(ExecutionContext context) {
        items.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        items.update(context);
    }

    @Override
    public void close() {
        items.close();
    }
}
