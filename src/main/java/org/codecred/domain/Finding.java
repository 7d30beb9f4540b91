package org.codecred.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One result of one rule: what an auditor reads in findings.csv and the dossier's Findings sheet.
 * Line findings carry the claim columns and the source line; provider findings leave them null.
 *
 * @param subject  what the rule is about when that is not the line itself (the code the time
 *                 supports, the other code of a pair, the specialty id, the metric id...); may be empty
 * @param severity the finding's own severity: the rule's, unless a rule table row sets it (scope rows)
 *                 or the finding rests on a table value marked UNVERIFIED (then at most WARNING)
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
        Long sourceLine,
        Severity severity) {

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
        severity = severity == null ? rule.severity() : severity;
    }

    /** A finding with its rule's severity. */
    public Finding(String providerNpi, String claimId, Integer lineNo, LocalDate serviceDate, String procedureCode,
                   RuleId rule, String subject, String message, String sourceFile, Long sourceLine) {
        this(providerNpi, claimId, lineNo, serviceDate, procedureCode, rule, subject, message, sourceFile, sourceLine,
                rule.severity());
    }

    /** The same finding with another severity (a rule table row decides it, e.g. a scope row). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(providerNpi, claimId, lineNo, serviceDate, procedureCode, rule, subject, message, sourceFile,
                sourceLine, newSeverity);
    }

    /**
     * The finding capped at WARNING because it rests on a rule table value marked UNVERIFIED; the
     * message says so, so an auditor knows why an ERROR rule reads as a warning.
     *
     * @param what the unverified value, e.g. "the unit limit of unit-limits.csv line 12"
     */
    public Finding restingOnUnverified(String what) {
        String note = " [WARNING, not ERROR: rests on " + what + ", marked UNVERIFIED; confirm it or supply the CMS file]";
        Severity capped = severity == Severity.ERROR ? Severity.WARNING : severity;
        return new Finding(providerNpi, claimId, lineNo, serviceDate, procedureCode, rule, subject, message + note,
                sourceFile, sourceLine, capped);
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
