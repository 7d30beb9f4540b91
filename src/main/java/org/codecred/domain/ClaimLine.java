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
        boolean minutesColumnPresent) {

    public ClaimLine {
        modifiers = List.copyOf(modifiers);
        diagnosisCodes = List.copyOf(diagnosisCodes);
    }

    /** The first diagnosis, or null when the line has none. */
    public String primaryDiagnosis() {
        return diagnosisCodes.isEmpty() ? null : diagnosisCodes.get(0);
    }
}
