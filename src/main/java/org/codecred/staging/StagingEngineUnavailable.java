package org.codecred.staging;

/**
 * The staging engine cannot be opened here: its file cannot be (a folder in its place, no permission,
 * a full disk) or DuckDB does not run on this platform. The operator's to fix, like a database folder
 * that is a file: the command line reports it in one line with exit 2 ({@code cli.ConfigurationFailureAnalyzer}).
 */
public class StagingEngineUnavailable extends RuntimeException {
    public StagingEngineUnavailable(String message) {
        super(message);
    }
}
