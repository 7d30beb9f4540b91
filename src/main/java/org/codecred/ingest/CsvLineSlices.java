package org.codecred.ingest;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a {@link CsvLineReader} in slices of up to {@code size} rows, one slice per item: Spring
 * Batch's chunk step spends as much on each item (scoped-bean lookups, observations, listeners) as the
 * claim row check itself, so loadClaims hands it a few hundred rows at a time instead of one. The saved
 * state is the line reader's, and a chunk of whole slices ends on the same line as a chunk of as many
 * rows: restart resumes exactly where it did. The step's read and write counts stay counts of rows.
 */
public class CsvLineSlices implements ItemStreamReader<List<RawRow>> {

    private final CsvLineReader lines;
    private final int size;

    public CsvLineSlices(CsvLineReader lines, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a slice holds at least one row: " + size);
        }
        this.lines = lines;
        this.size = size;
    }

    /** The next up-to-{@code size} rows, or null when every file is read. */
    @Override
    public List<RawRow> read() throws IOException {
        List<RawRow> slice = null;
        RawRow row;
        while ((slice == null || slice.size() < size) && (row = lines.read()) != null) {
            if (slice == null) {
                slice = new ArrayList<>(size);
            }
            slice.add(row);
        }
        StepExecution step = currentStep();
        if (slice != null && step != null) {
            // the step counts one item read per slice: count its rows, as a step of single rows would
            step.setReadCount(step.getReadCount() + slice.size() - 1);
        }
        return slice;
    }

    /** The step execution running on this thread, or null outside a step (tools and tests). */
    static StepExecution currentStep() {
        StepContext context = StepSynchronizationManager.getContext();
        return context == null ? null : context.getStepExecution();
    }

    @Override
    public void open(ExecutionContext context) {
        lines.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        lines.update(context);
    }

    @Override
    public void close() {
        lines.close();
    }
}
