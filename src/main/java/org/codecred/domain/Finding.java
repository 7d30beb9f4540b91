package org.codecred.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One result of one rule: what an auditor reads in findings.csv and the dossier's Findings sheet.
 * Line findings carry the claim columns and the source line; provider findings leave them null.
 *
 * @param subject what the rule is about when that is not the line itself (the code the time
 *                supports, the other code of a pair, the specialty id, the metric id...); may be empty
 */
public record Finding(
        String providerNpi,
        String claimId,
        Integer lineNo,
        LocalDate serviceDate,
        String procedureCode,
        RuleId rule,
        String subject,
        String message,
        String sourceFile,
        Long sourceLine) {

    /** The order of findings.csv: provider, claim, line, rule; then subject and message so ties are stable. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::providerNpi)
            .thenComparing(f -> f.claimId() == null ? "" : f.claimId())
            .thenComparing(f -> f.lineNo() == null ? 0 : f.lineNo())
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::subject)
            .thenComparing(Finding::message);

    public Finding {
        subject = subject == null ? "" : subject;
    }

    public Severity severity() {
        return rule.severity();
    }

    /** A finding about one claim line. */
    public static Finding onLine(RuleId rule, ClaimLine line, String subject, String message) {
        return new Finding(line.renderingNpi(), line.claimId(), line.lineNo(), line.serviceDate(),
                line.procedureCode(), rule, subject, message, line.sourceFile(), line.lineNumber());
    }

    /** A finding about a provider as a whole (credentials, alignment, peer comparison). */
    public static Finding onProvider(RuleId rule, String providerNpi, String subject, String message) {
        return new Finding(providerNpi, null, null, null, null, rule, subject, message, null, null);
    }
}
