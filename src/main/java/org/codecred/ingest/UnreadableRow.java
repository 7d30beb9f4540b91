package org.codecred.ingest;

/**
 * Why an input row cannot be read: the message names the field and the value (never a member id)
 * and becomes the row's reason in rejected.csv. Thrown by the field readers and the claim-row
 * validator, whatever the file's format.
 */
public final class UnreadableRow extends Exception {

    public UnreadableRow(String reason) {
        super(reason, null, false, false);
    }
}
