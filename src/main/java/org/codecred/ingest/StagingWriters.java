package org.codecred.ingest;

import org.codecred.domain.ClaimLine;
import org.codecred.domain.Provider;
import org.codecred.staging.ClaimLineTable;
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

/** Writers for the load steps: accepted rows to their staging table, rejected rows to the reject table, one transaction per chunk. */
public final class StagingWriters {

    private StagingWriters() {
    }

    /**
     * A new writer for each run of a load partition (step scope): before its first chunk of a file it
     * clears that file's lines from the chunk's first line on, the rows an interrupted attempt staged
     * past its last commit (the staging engine commits before the step does; docs/database.md). The
     * reader resumes at the committed position, so everything from there on is this run's to write.
     */
    public static ItemWriter<IngestResult<ClaimLine>> claims(YearMonth month, ClaimLineTable lines, RejectTable rejects) {
        Set<String> started = new HashSet<>();
        return chunk -> {
            List<ClaimLine> accepted = new ArrayList<>(chunk.size());
            List<RejectedRow> rejected = new ArrayList<>();
            split(chunk, accepted, rejected);
            // only files this run has not written yet need their first line (a partition reads one file)
            java.util.Map<String, Long> firstLines = new java.util.HashMap<>();
            for (ClaimLine l : accepted) {
                if (!started.contains(l.sourceFile())) {
                    firstLines.merge(l.sourceFile(), l.lineNumber(), Math::min);
                }
            }
            for (RejectedRow r : rejected) {
                if (!started.contains(r.file())) {
                    firstLines.merge(r.file(), r.lineNumber(), Math::min);
                }
            }
            firstLines.forEach((file, first) -> {
                started.add(file);
                lines.clearFrom(month, file, first);
            });
            lines.insert(month, accepted);
            rejects.insert(month, rejected);
        };
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

    private static <T> void split(Chunk<? extends IngestResult<T>> chunk, List<T> accepted, List<RejectedRow> rejected) {
        for (IngestResult<T> result : chunk) {
            if (result instanceof IngestResult.Accepted<T> a) {
                accepted.add(a.value());
            } else if (result instanceof IngestResult.Rejected<T> r) {
                rejected.add(r.row());
            }
        }
    }
}
