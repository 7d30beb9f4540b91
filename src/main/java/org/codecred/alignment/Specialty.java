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
            return codes.containsAny(visit.codes())
                    || (minMinutes != null && visit.maxMinutes() != null && visit.maxMinutes() >= minMinutes);
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
        return !usesAge() || visit.ageKnown();
    }

    /** Whether a judged visit is evidence for this specialty (the age bounds always apply). */
    public boolean evidencedBy(Visit visit) {
        boolean dx = !diagnosisPrefixes.isEmpty() && visit.hasDiagnosisStartingWith(diagnosisPrefixes);
        boolean code = !codes.isEmpty() && codes.containsAny(visit.codes());
        if (anyCriterion) {
            if ((!diagnosisPrefixes.isEmpty() || !codes.isEmpty()) && !dx && !code) {
                return false;
            }
        } else if ((!diagnosisPrefixes.isEmpty() && !dx) || (!codes.isEmpty() && !code)) {
            return false;
        }
        return ageFits(visit);
    }

    private boolean ageFits(Visit visit) {
        if (usesAge()) {
            if (!visit.ageKnown()) {
                return false;
            }
            if (minAge != null && visit.memberAge() < minAge) {
                return false;
            }
            if (maxAge != null && visit.memberAge() > maxAge) {
                return false;
            }
        }
        return true;
    }

}
