package org.codecred.verdict;

import org.codecred.domain.Finding;
import org.codecred.domain.RuleId;
import org.codecred.domain.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a verdict is decided on: the provider's line count, how many of its lines carry at least one
 * coding ERROR, its finding counts by severity, and the findings of the rules that can lead to HOLD
 * or REVIEW (rule and subject).
 */
public record VerdictInput(String npi, long lines, long codingErrorLines, long errors, long warnings, long infos,
                           List<Hit> hits) {

    /** A finding of a verdict-driving rule: its rule, subject and own severity. */
    public record Hit(RuleId rule, String subject, Severity severity) {

        public Hit(RuleId rule, String subject) {
            this(rule, subject, rule.severity());
        }
    }

    public VerdictInput {
        hits = List.copyOf(hits);
    }

    /** Builds the input from a provider's findings (a line counts once however many coding errors it has). */
    public static VerdictInput of(String npi, long lines, List<Finding> findings) {
        Set<String> errorLines = new HashSet<>();
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        List<Hit> hits = new java.util.ArrayList<>();
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
            if (f.rule().countsTowardCodingAccuracy() && f.severity() == Severity.ERROR) {
                errorLines.add(f.sourceFile() + "\u0000" + f.sourceLine() + "\u0000" + f.claimId() + "\u0000" + f.lineNo());
            }
            if (f.rule().verdictEffect() != RuleId.VerdictEffect.NONE) {
                hits.add(new Hit(f.rule(), f.subject(), f.severity()));
            }
        }
        return new VerdictInput(npi, lines, errorLines.size(), errors, warnings, infos, hits);
    }
}
