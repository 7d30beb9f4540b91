package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.job.ItemSlices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** loadClaims' items are slices of rows: every row once, in order, and a restart resumes at the saved line. */
class ClaimFileSlicesTest {

    @TempDir
    Path tmp;

    private Path file(int rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HostileRowGenerator.CLAIMS_HEADER);
        for (int i = 1; i <= rows; i++) {
            lines.add("C" + i + ",1,1234567893,,MBR0001234,1980-04-02,2026-10-05,90834,,1,45,F41.1,11,140.00");
            if (i % 5 == 0) {
                lines.add(""); // blank lines are skipped, not rows
            }
        }
        Path file = tmp.resolve("claims-slices.csv");
        Files.write(file, lines);
        return file;
    }

    private static List<Long> lineNumbers(List<RawRow> slice) {
        return slice.stream().map(RawRow::lineNumber).toList();
    }

    @Test
    void givesEveryRowOnceInSlicesOfTheSizeAndResumesAfterTheSavedState() throws Exception {
        Path file = file(23);
        ItemSlices<RawRow> slices = new ItemSlices<>(new CsvLineReader("claims", List.of(file)), 10);
        ExecutionContext context = new ExecutionContext();
        slices.open(context);
        List<RawRow> first = slices.read();
        assertThat(first).hasSize(10);
        assertThat(first.get(0).lineNumber()).isEqualTo(2);
        slices.update(context); // a commit after the first slice
        List<RawRow> second = slices.read();
        List<RawRow> third = slices.read();
        assertThat(second).hasSize(10);
        assertThat(third).hasSize(3);
        assertThat(slices.read()).isNull();
        slices.close();

        // a restart from the commit gives the rows after the first slice, and the same slices again
        ItemSlices<RawRow> resumed = new ItemSlices<>(new CsvLineReader("claims", List.of(file)), 10);
        resumed.open(context);
        assertThat(lineNumbers(resumed.read())).isEqualTo(lineNumbers(second));
        assertThat(lineNumbers(resumed.read())).isEqualTo(lineNumbers(third));
        assertThat(resumed.read()).isNull();
        resumed.close();
    }

    @Test
    void anEmptyFileGivesNoSliceAndASliceHoldsAtLeastOneRow() throws Exception {
        ItemSlices<RawRow> slices = new ItemSlices<>(new CsvLineReader("claims", List.of(file(0))), 10);
        slices.open(new ExecutionContext());
        assertThat(slices.read()).isNull();
        slices.close();
        assertThatThrownBy(() -> new ItemSlices<>(new CsvLineReader("claims", List.of(file(1))), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slicesAreWrittenAsOneChunkOfTheirRows() throws Exception {
        ClaimRowParser parser = new ClaimRowParser();
        ItemSlices<RawRow> slices = new ItemSlices<>(new CsvLineReader("claims", List.of(file(7))), 3);
        slices.open(new ExecutionContext());
        Chunk<List<IngestResult<ClaimLine>>> chunk = new Chunk<>();
        List<RawRow> slice;
        while ((slice = slices.read()) != null) {
            chunk.add(slice.stream().map(parser::parse).toList());
        }
        slices.close();
        List<Chunk<? extends IngestResult<ClaimLine>>> written = new ArrayList<>();
        ItemWriter<IngestResult<ClaimLine>> rows = written::add;
        ItemSlices.writeSlices(chunk, rows); // outside a step: nothing to count
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getItems()).hasSize(7);
        assertThat(written.get(0).getItems().stream()
                .map(r -> ((IngestResult.Accepted<ClaimLine>) r).value().claimId()).toList())
                .containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7");
    }
}
