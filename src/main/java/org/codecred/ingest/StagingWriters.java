package org.codecred.ingest;

import org.codecred.domain.Provider;
import org.codecred.staging.ProviderTable;
import org.codecred.staging.RejectTable;
import org.codecred.staging.RejectedRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The roster load's writer: accepted rows to their staging table, rejected rows to the reject table, one transaction per chunk (the claim loads': {@link ClaimLineWriter}). */
public final class StagingWriters {

    private StagingWriters() {
    }

    /** A second roster row for an NPI already loaded is rejected, naming the first one's line. */
    public static ItemWriter<IngestResult<Provider>> roster(YearMonth month, ProviderTable providers, RejectTable rejects) {
        return chunk -> {
            List<IngestResult.Accepted<Provider>> parsed = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            for (IngestResult<Provider> result : chunk) {
                if (result instanceof IngestResult.Accepted<Provider> a) {
                    parsed.add(a);
                } else if (result instanceof IngestResult.Rejected<Provider> r) {
                    rejected.add(r.row());
                }
            }
            Set<String> seen = new HashSet<>(providers.existing(month,
                    new HashSet<>(parsed.stream().map(a -> a.value().npi()).toList())));
            List<Provider> accepted = new ArrayList<>();
            for (IngestResult.Accepted<Provider> a : parsed) {
                Provider p = a.value();
                if (seen.add(p.npi())) {
                    accepted.add(p);
                } else {
                    rejected.add(new RejectedRow(RosterRowParser.FILE, p.lineNumber(),
                            "npi: '" + p.npi() + "' is on the roster more than once; the first row is kept", a.raw()));
                }
            }
            providers.insert(month, accepted);
            rejects.insert(month, rejected);
        };
    }

    /** A chunk's results: accepted values and rejected rows. */
    static <T> void split(Chunk<? extends IngestResult<T>> chunk, List<T> accepted, List<RejectedRow> rejected) {
        for (IngestResult<T> result : chunk) {
            if (result instanceof IngestResult.Accepted<T> a) {
                accepted.add(a.value());
            } else if (result instanceof IngestResult.Rejected<T> r) {
                rejected.add(r.row());
            }
        }
    }
}
