package org.codecred.ingest.x12;

import org.codecred.ingest.ClaimFields;

import java.util.function.Supplier;

/** What reading an 837 file gives, in file order: a service line mapped to the claim columns, or what could not be read. */
public sealed interface X12Item {

    /**
     * One loop-2400 service line.
     *
     * @param segment the file's segment number of its SV1 (ISA = 1)
     * @param fields  the line's claim fields, as every format hands them to the claim-line validator
     * @param raw     the line's own segments (LX, SV1, DTP…), which hold no member data; written out only when rejected
     */
    record ServiceLine(String file, long segment, ClaimFields fields, Supplier<String> raw) implements X12Item {
    }

    /**
     * A transaction set, a service line or an envelope that cannot be read.
     *
     * @param segment the file's segment number where the problem is (ISA = 1)
     * @param raw     the offending segment when it holds no patient data, else only its tag
     */
    record Unreadable(String file, long segment, String reason, String raw) implements X12Item {
    }
}
