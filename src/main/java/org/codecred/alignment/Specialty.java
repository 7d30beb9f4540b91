package org.codecred.alignment;

import org.codecred.rules.CodeSet;

import java.util.List;

/**
 * One row of {@code specialties.csv}: what counts as evidence for a specialty and the thresholds
 * that turn the evidence share into an outcome. A visit is evidence when it meets every criterion
 * the row fills in (diagnosis and codes and age); within a criterion any listed value is enough.
 *
 * @param diagnosisPrefixes ICD-10-CM prefixes written with the dot; empty = not checked
 * @param codes             procedure codes and ranges; empty = not checked
 * @param minAge            inclusive lower age bound, null = none
 * @param maxAge            inclusive upper age bound, null = none
 * @param supportedShare    share of judged visits from which the specialty is SUPPORTED
 * @param weakShare         share from which it is WEAK; below it UNSUPPORTED
 * @param minVolume         judged visits needed for any judgment (below: INSUFFICIENT-DATA)
 * @param undeclaredShare   share from which an unclaimed specialty is reported UNDECLARED; null = never
 * @param anyCriterion      true: a visit is evidence when it meets ANY filled criterion (diagnosis OR code),
 *                          false: every one (the default)
 * @param unsupportedFromClaims false: claims alone never make the specialty UNSUPPORTED (couples therapy is
 *                          often self-pay); below the weak share it is INSUFFICIENT-DATA
 * @param pattern           a practice-pattern criterion among the evidence visits (trauma: extended
 *                          sessions); null when the row has none
 */
public record Specialty(
        String id,
        String label,
        String description,
        List<String> diagnosisPrefixes,
        CodeSet codes,
        Integer minAge,
        Integer maxAge,
        double supportedShare,
        double weakShare,
        int minVolume,
        Double undeclaredShare,
        boolean anyCriterion,
        boolean unsupportedFromClaims,
        Pattern pattern) {

    /**
     * A share of the evidence visits that must also show a pattern: a code of {@code codes} or at
     * least {@code minMinutes} documented minutes (trauma: 90837 or 53 minutes and more).
     */
    public record Pattern(String description, CodeSet codes, Integer minMinutes, double supportedShare, double weakShare) {

        public boolean shownBy(Visit visit) {
            return shownBy(codes.containsAny(visit.codes()), visit.maxMinutes());
        }

        /** @param code whether a code of the visit is one of {@link #codes} */
        boolean shownBy(boolean code, Integer maxMinutes) {
            return code || (minMinutes != null && maxMinutes != null && maxMinutes >= minMinutes);
        }
    }

    public Specialty {
        diagnosisPrefixes = diagnosisPrefixes.stream().map(Visit::normalizeDiagnosisPrefix).toList();
    }

    public Specialty(String id, String label, String description, List<String> diagnosisPrefixes, CodeSet codes,
                     Integer minAge, Integer maxAge, double supportedShare, double weakShare, int minVolume,
                     Double undeclaredShare) {
        this(id, label, description, diagnosisPrefixes, codes, minAge, maxAge, supportedShare, weakShare, minVolume,
                undeclaredShare, false, true, null);
    }

    public boolean usesAge() {
        return minAge != null || maxAge != null;
    }

    /** Whether the visit can be judged at all: age-based evidence needs a known member age. */
    public boolean judges(Visit visit) {
        return judges(visit.memberAge());
    }

    /** {@link #judges(Visit)} for a visit whose member is {@code memberAge} (-1: unknown). */
    boolean judges(int memberAge) {
        return !usesAge() || memberAge >= 0;
    }

    /** Whether a judged visit is evidence for this specialty (the age bounds always apply). */
    public boolean evidencedBy(Visit visit) {
        return evidencedBy(visit.hasDiagnosisStartingWith(diagnosisPrefixes), codes.containsAny(visit.codes()),
                visit.memberAge());
    }

    /**
     * {@link #evidencedBy(Visit)} from what the visit's diagnoses and codes showed.
     *
     * @param anyDiagnosis whether a diagnosis of the visit starts with one of {@link #diagnosisPrefixes}
     * @param anyCode      whether a code of the visit is one of {@link #codes}
     * @param memberAge    the member's age on the service date, -1 when unknown
     */
    boolean evidencedBy(boolean anyDiagnosis, boolean anyCode, int memberAge) {
        boolean dx = !diagnosisPrefixes.isEmpty() && anyDiagnosis;
        boolean code = !codes.isEmpty() && anyCode;
        if (anyCriterion) {
            if ((!diagnosisPrefixes.isEmpty() || !codes.isEmpty()) && !dx && !code) {
                return false;
            }
        } else if ((!diagnosisPrefixes.isEmpty() && !dx) || (!codes.isEmpty() && !code)) {
            return false;
        }
        return ageFits(memberAge);
    }

    private boolean ageFits(int memberAge) {
        if (usesAge()) {
            if (memberAge < 0) {
                return false;
            }
            if (minAge != null && memberAge < minAge) {
                return false;
            }
            if (maxAge != null && memberAge > maxAge) {
                return false;
            }
        }
        return true;
    }

}
