package org.codecred.job;

/**
 * A configuration that cannot work, found while the application starts (a broker with the embedded
 * database, say). It is the operator's to fix, like a {@link UsageException}: one line, exit 2. It is
 * unchecked because it is thrown from bean methods; {@code cli.ConfigurationFailures} recognises it.
 */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
