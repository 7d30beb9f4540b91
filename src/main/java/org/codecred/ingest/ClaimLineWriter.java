package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.staging.ClaimLineTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RejectedRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The load steps' writer (loadClaims and loadX12Claims, one per partition): accepted lines to the
 * staging engine's spool when there is an engine ({@link org.codecred.staging.ClaimLineSpool}),
 * else to the database's claim line table in the chunk's transaction; rejected rows to the reject
 * table. An ItemStream for the spool's sake: its committed position is saved with the reader's.
 */
public final class ClaimLineWriter implements ItemStreamWriter<IngestResult<ClaimLine>> {

    private final YearMonth month;
    private final ClaimLineTable lines;
    private final RejectTable rejects;
    /** The partition's spool, or null when the lines go to the database itself. */
    private final FlatFileItemWriter<ClaimLine> spool;

    public ClaimLineWriter(YearMonth month, ClaimLineTable lines, RejectTable rejects, FlatFileItemWriter<ClaimLine> spool) {
        this.month = month;
        this.lines = lines;
        this.rejects = rejects;
        this.spool = spool;
    }

    @Override
    public void open(ExecutionContext context) {
        if (spool != null) {
            spool.open(context);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (spool != null) {
            spool.update(context);
        }
    }

    @Override
    public void close() {
        if (spool != null) {
            spool.close();
        }
    }

    @Override
    public void write(Chunk<? extends IngestResult<ClaimLine>> chunk) throws Exception {
        List<ClaimLine> accepted = new ArrayList<>(chunk.size());
        List<RejectedRow> rejected = new ArrayList<>();
        StagingWriters.split(chunk, accepted, rejected);
        if (spool != null) {
            spool.write(new Chunk<>(accepted));
        } else {
            lines.insert(month, accepted);
        }
        rejects.insert(month, rejected);
    }
}
