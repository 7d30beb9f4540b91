package org.codecred.coding;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluations of earlier, completed months: the diagnostic evaluations (90791/90792) for
 * DIAG-EVAL-REPEATED, and the base codes of a testing evaluation (96130, 96132, 96136, 96138) for a
 * testing add-on billed on a later date of the same evaluation in the next month. The month's own
 * lines come from the claim lines; this looks further back. The default knows no earlier month; the
 * history store plugs in here (it keeps the member as a keyed hash, so an implementation hashes
 * {@code memberId} itself and never stores it raw).
 */
@FunctionalInterface
public interface EvaluationHistory {

    /** No earlier months: only evaluations within the month are compared. */
    EvaluationHistory NONE = (npi, memberId, codes, before) -> Optional.empty();

    /**
     * The latest date before {@code before} on which {@code npi} billed one of {@code codes} for the
     * member in an earlier completed month, if any.
     */
    Optional<LocalDate> latest(String npi, String memberId, Set<String> codes, LocalDate before);
}
