package org.codecred.rules;

/** A rule table that cannot be used as it is: the message names the file, line and column to fix. */
public class RuleTableException extends RuntimeException {
    public RuleTableException(String message) {
        super(message);
    }
}
