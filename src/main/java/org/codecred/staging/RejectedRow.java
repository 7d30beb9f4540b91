package org.codecred.staging;

/**
 * An input row that could not be read: a row of rejected.csv.
 *
 * @param file       the input file's name
 * @param lineNumber physical line number in that file (the header is line 1)
 * @param reason     names the field and the value that could not be read
 * @param raw        the row as it stood in the file, member id masked
 */
public record RejectedRow(String file, long lineNumber, String reason, String raw) {

    /** Longest raw text kept; longer rows are cut and the cut is marked. */
    public static final int MAX_RAW = 8000;

    public RejectedRow {
        if (raw.length() > MAX_RAW) {
            raw = raw.substring(0, MAX_RAW - 20) + "…[row cut at 8000]";
        }
        if (reason.length() > 1000) {
            reason = reason.substring(0, 999) + "…";
        }
    }
}
