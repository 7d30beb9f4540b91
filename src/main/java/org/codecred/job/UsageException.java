package org.codecred.job;

/** A user's mistake on the command line or in the input folder: one line says what to fix; exit 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
