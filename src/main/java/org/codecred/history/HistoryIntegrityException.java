package org.codecred.history;

/**
 * History cannot be trusted as it is: its member-hash key is missing, damaged or another one, or a
 * history row cannot be read. The message is one line naming the file or the table and row and what
 * to do; found at start, it stops the run with exit 2 before anything is computed.
 */
public class HistoryIntegrityException extends IllegalStateException {

    public HistoryIntegrityException(String message) {
        super(message);
    }
}
