package org.codecred.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One accepted, normalized claim line of the month: dates parsed, codes and modifiers upper-case,
 * diagnosis codes written with their dot. {@code sourceFile} and {@code lineNumber} (the physical
 * line in that file) identify the line for auditors and make staging idempotent.
 *
 * @param billingNpi           null when the file has none
 * @param memberDob            null when not given
 * @param minutes              documented minutes; null when not documented
 * @param placeOfService       null when not given
 * @param charge               null when not given
 * @param minutesColumnPresent whether the file carries a minutes column at all (TIME-MISSING needs it)
 * @param claimFrequency       the claim's frequency code: {@code 1} original, {@code 7} replacement of an
 *                             earlier claim, {@code 8} void of an earlier claim
 * @param status               null for a line that counts; else why it counts nowhere (see {@link LineStatus})
 */
public record ClaimLine(
        String sourceFile,
        long lineNumber,
        String claimId,
        int lineNo,
        String renderingNpi,
        String billingNpi,
        String memberId,
        LocalDate memberDob,
        LocalDate serviceDate,
        String procedureCode,
        List<String> modifiers,
        int units,
        Integer minutes,
        List<String> diagnosisCodes,
        String placeOfService,
        BigDecimal charge,
        boolean minutesColumnPresent,
        String claimFrequency,
        LineStatus status) {

    public ClaimLine {
        modifiers = List.copyOf(modifiers);
        diagnosisCodes = List.copyOf(diagnosisCodes);
        claimFrequency = claimFrequency == null ? ORIGINAL : claimFrequency;
    }

    /** The frequency codes of a professional claim (837P CLM05-3, CSV claim_frequency). */
    public static final String ORIGINAL = "1";
    public static final String REPLACEMENT = "7";
    public static final String VOID = "8";

    /**
     * Why a staged line counts nowhere (no rule, metric, chart or share) though the Claim Lines sheet
     * shows it: a later replacement of its claim superseded it, a later void removed it, or it is the
     * void itself.
     */
    public enum LineStatus {
        SUPERSEDED("superseded by a replacement"),
        VOIDED("voided"),
        VOID("void of an earlier claim");

        private final String words;

        LineStatus(String words) {
            this.words = words;
        }

        /** How the Claim Lines sheet says it. */
        public String words() {
            return words;
        }
    }

    /** An original claim line that counts (the form every rule's tests build). */
    public ClaimLine(String sourceFile, long lineNumber, String claimId, int lineNo, String renderingNpi,
                     String billingNpi, String memberId, LocalDate memberDob, LocalDate serviceDate,
                     String procedureCode, List<String> modifiers, int units, Integer minutes,
                     List<String> diagnosisCodes, String placeOfService, BigDecimal charge,
                     boolean minutesColumnPresent) {
        this(sourceFile, lineNumber, claimId, lineNo, renderingNpi, billingNpi, memberId, memberDob, serviceDate,
                procedureCode, modifiers, units, minutes, diagnosisCodes, placeOfService, charge, minutesColumnPresent,
                ORIGINAL, null);
    }

    /** Whether the line counts: not superseded, voided, nor a void. */
    public boolean counts() {
        return status == null;
    }

    /**
     * Who the claim belongs to: its billing NPI, or the rendering NPI when the file names no billing
     * provider. A claim is identified by this and its claim id.
     */
    public String billingKey() {
        return billingNpi != null ? billingNpi : renderingNpi;
    }

    /** The first diagnosis, or null when the line has none. */
    public String primaryDiagnosis() {
        return diagnosisCodes.isEmpty() ? null : diagnosisCodes.get(0);
    }
}
