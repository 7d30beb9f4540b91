package org.codecred.coding;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Diagnostic evaluations (90791/90792) of earlier, completed months, for DIAG-EVAL-REPEATED across
 * months. The month's own evaluations come from the claim lines; this looks further back. The default
 * knows no earlier month; the history store plugs in here (it keeps the member as a keyed hash, so an
 * implementation hashes {@code memberId} itself and never stores it raw).
 */
@FunctionalInterface
public interface EvaluationHistory {

    /** No earlier months: only evaluations within the month are compared. */
    EvaluationHistory NONE = (npi, memberId, before) -> Optional.empty();

    /**
     * The latest date before {@code before} on which {@code npi} billed a diagnostic evaluation for the
     * member in an earlier completed month, if any.
     */
    Optional<LocalDate> latestEvaluation(String npi, String memberId, LocalDate before);
}
