package org.codecred.ingest;

import org.codecred.staging.RejectedRow;

/** What reading one input row gives: the parsed value, or the row with the reason it was rejected. */
public sealed interface IngestResult<T> {

    /** @param raw the row as read, kept for the rare later rejection (a duplicate roster NPI) */
    record Accepted<T>(T value, String raw) implements IngestResult<T> {
    }

    record Rejected<T>(RejectedRow row) implements IngestResult<T> {
    }
}
