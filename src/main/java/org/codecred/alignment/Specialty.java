package org.codecred.alignment;

import java.util.ArrayList;
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
        Double undeclaredShare) {

    public Specialty {
        diagnosisPrefixes = diagnosisPrefixes.stream().map(Visit::normalizeDiagnosisPrefix).toList();
    }

    public boolean usesAge() {
        return minAge != null || maxAge != null;
    }

    /** Whether the visit can be judged at all: age-based evidence needs a known member age. */
    public boolean judges(Visit visit) {
        return !usesAge() || visit.ageKnown();
    }

    /** Whether a judged visit is evidence for this specialty. */
    public boolean evidencedBy(Visit visit) {
        if (!diagnosisPrefixes.isEmpty() && !visit.hasDiagnosisStartingWith(diagnosisPrefixes)) {
            return false;
        }
        if (!codes.isEmpty() && !codes.containsAny(visit.codes())) {
            return false;
        }
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

    /** The kinds of evidence the row uses, for messages: "diagnosis", "code", "age" joined with " + ". */
    public String evidenceKinds() {
        List<String> kinds = new ArrayList<>();
        if (!diagnosisPrefixes.isEmpty()) {
            kinds.add("diagnosis");
        }
        if (!codes.isEmpty()) {
            kinds.add("code");
        }
        if (usesAge()) {
            kinds.add("age");
        }
        return String.join(" + ", kinds);
    }
}
