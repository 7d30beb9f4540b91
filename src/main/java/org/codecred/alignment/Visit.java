package org.codecred.alignment;

import java.time.LocalDate;
import java.util.Set;

/**
 * One member seen by one provider on one service date, with every line of that day taken
 * together: the unit of specialty evidence (a psychotherapy line and its add-on are one visit).
 *
 * @param codes      procedure codes of the visit's lines
 * @param diagnoses  diagnosis codes of the visit's lines, any position, written with the dot
 * @param memberAge  the member's age in whole years on the service date; -1 when unknown
 * @param maxMinutes the most documented minutes of a line of the visit; null when none is documented
 */
public record Visit(LocalDate serviceDate, Set<String> codes, Set<String> diagnoses, int memberAge, Integer maxMinutes) {

    public Visit(LocalDate serviceDate, Set<String> codes, Set<String> diagnoses, int memberAge) {
        this(serviceDate, codes, diagnoses, memberAge, null);
    }


    public Visit {
        codes = Set.copyOf(codes);
        diagnoses = Set.copyOf(diagnoses);
    }

    public boolean ageKnown() {
        return memberAge >= 0;
    }

    /** True when any diagnosis of the visit starts with one of {@code prefixes} (both written with the dot). */
    public boolean hasDiagnosisStartingWith(Iterable<String> prefixes) {
        for (String dx : diagnoses) {
            for (String prefix : prefixes) {
                if (dx.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Upper-case, dot after the third character ({@code F4310} and {@code f43.10} become {@code F43.10}). */
    public static String normalizeDiagnosis(String code) {
        String c = code.trim().toUpperCase(java.util.Locale.ROOT).replace(".", "");
        return c.length() > 3 ? c.substring(0, 3) + "." + c.substring(3) : c;
    }

    /** A prefix written like a diagnosis: {@code f431} becomes {@code F43.1}; {@code F1} stays {@code F1}. */
    public static String normalizeDiagnosisPrefix(String prefix) {
        return normalizeDiagnosis(prefix);
    }
}
