package org.codecred.domain;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One result of one rule: what an auditor reads in findings.csv and the dossier's Findings sheet.
 * Line findings carry the claim columns and the source line; provider findings leave them null.
 *
 * @param severity how much this finding matters: the rule's catalogue severity unless the rule chose a
 *                 lower one for this case (see {@link #withSeverity})
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
        Severity severity,
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
        severity = severity == null ? rule.severity() : severity;
        subject = subject == null ? "" : subject;
    }

    /** A finding with its rule's catalogue severity. */
    public Finding(String providerNpi, String claimId, Integer lineNo, LocalDate serviceDate, String procedureCode,
                   RuleId rule, String subject, String message, String sourceFile, Long sourceLine) {
        this(providerNpi, claimId, lineNo, serviceDate, procedureCode, rule, rule.severity(), subject, message,
                sourceFile, sourceLine);
    }

    /** The same finding with another severity (a rule may rate a case below its catalogue default). */
    public Finding withSeverity(Severity other) {
        return new Finding(providerNpi, claimId, lineNo, serviceDate, procedureCode, rule, other, subject, message,
                sourceFile, sourceLine);
    }

    /**
     * The finding capped at WARNING because it rests on a rule table value marked UNVERIFIED; the
     * message says so, so an auditor knows why an ERROR rule reads as a warning (domain reference 10.3).
     *
     * @param what the unverified value, e.g. "the unit limit 1 of unit-limits.csv line 12"
     */
    public Finding restingOnUnverified(String what) {
        String note = " [WARNING, not ERROR: rests on " + what + ", marked UNVERIFIED; confirm it or supply the CMS file]";
        Severity capped = severity == Severity.ERROR ? Severity.WARNING : severity;
        return new Finding(providerNpi, claimId, lineNo, serviceDate, procedureCode, rule, capped, subject,
                message + note, sourceFile, sourceLine);
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
