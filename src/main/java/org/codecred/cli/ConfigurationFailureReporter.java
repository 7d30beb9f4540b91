package org.codecred.cli;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Receives Spring Boot's analysis of a failed start and keeps a {@link ConfigurationFailureAnalyzer}
 * verdict for {@link CodeCred}, which prints it in one line (Boot's own reporter, which prints a
 * multi-line block, is silenced in application.properties). The start runs on the thread that called
 * {@code SpringApplication.run}, so the analysis is kept per thread.
 */
public class ConfigurationFailureReporter implements FailureAnalysisReporter {

    private static final ThreadLocal<FailureAnalysis> LAST = new ThreadLocal<>();

    @Override
    public void report(FailureAnalysis analysis) {
        if (analysis instanceof ConfigurationFailureAnalyzer.ConfigurationProblem) {
            LAST.set(analysis);
        }
    }

    /** The configuration problem reported on this thread since the last call, or null. */
    static FailureAnalysis take() {
        FailureAnalysis analysis = LAST.get();
        LAST.remove();
        return analysis;
    }
}
