package org.codecred.alignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each procedure code and each diagnosis says about a visit, worked out once per distinct code or
 * diagnosis and kept: the code facts the peer shares count (individual psychotherapy, 90837, 90785 and
 * its primaries, E/M add-ons) and, per specialty, whether the code or diagnosis meets its criterion.
 * Every criterion is "any code of the visit" or "any diagnosis of the visit", so a visit's answer is the
 * OR of its codes' and diagnoses' answers: the month's few dozen codes and some thousands of diagnoses
 * are judged once instead of on every visit. Not thread-safe: one per reader (per partition).
 */
final class VisitCodes {

    static final int INDIVIDUAL = 1;
    static final int LONGEST_INDIVIDUAL = 1 << 1;
    static final int INTERACTIVE_COMPLEXITY_PRIMARY = 1 << 2;
    static final int INTERACTIVE_COMPLEXITY = 1 << 3;
    static final int ADDON_PRIMARY = 1 << 4;
    static final int ADDON = 1 << 5;

    /**
     * One code: its fact bits, and per specialty (bit i of word i / 64) whether the code is in the
     * specialty's codes and in its pattern's codes.
     */
    record Code(int facts, long[] specialty, long[] pattern) {
    }

    private final List<Specialty> specialties;
    private final CodingFacts facts;
    private final int words;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, long[]> diagnoses = new HashMap<>();

    VisitCodes(List<Specialty> specialties, CodingFacts facts) {
        this.specialties = List.copyOf(specialties);
        this.facts = facts;
        this.words = Math.max(1, (specialties.size() + 63) / 64);
    }

    List<Specialty> specialties() {
        return specialties;
    }

    CodingFacts facts() {
        return facts;
    }

    /** Words of a specialty mask. */
    int words() {
        return words;
    }

    Code code(String code) {
        Code known = codes.get(code);
        if (known == null) {
            known = judge(code);
            codes.put(code, known);
        }
        return known;
    }

    /** Per specialty, whether the diagnosis (as stored on the line) starts with one of its prefixes; blank: none. */
    long[] diagnosis(String raw) {
        long[] known = diagnoses.get(raw);
        if (known == null) {
            known = new long[words];
            if (!raw.isBlank()) {
                String dx = Visit.normalizeDiagnosis(raw);
                for (int i = 0; i < specialties.size(); i++) {
                    for (String prefix : specialties.get(i).diagnosisPrefixes()) {
                        if (dx.startsWith(prefix)) {
                            known[i >> 6] |= 1L << i;
                            break;
                        }
                    }
                }
            }
            diagnoses.put(raw, known);
        }
        return known;
    }

    private Code judge(String code) {
        int bits = 0;
        bits |= facts.individualPsychotherapy(code) ? INDIVIDUAL : 0;
        bits |= facts.longestIndividualPsychotherapy(code) ? LONGEST_INDIVIDUAL : 0;
        bits |= facts.interactiveComplexityPrimary(code) ? INTERACTIVE_COMPLEXITY_PRIMARY : 0;
        bits |= CodingFacts.INTERACTIVE_COMPLEXITY.equals(code) ? INTERACTIVE_COMPLEXITY : 0;
        bits |= facts.psychotherapyAddonPrimary(code) ? ADDON_PRIMARY : 0;
        bits |= facts.psychotherapyAddon(code) ? ADDON : 0;
        long[] specialty = new long[words];
        long[] pattern = new long[words];
        for (int i = 0; i < specialties.size(); i++) {
            Specialty s = specialties.get(i);
            if (s.codes().contains(code)) {
                specialty[i >> 6] |= 1L << i;
            }
            if (s.pattern() != null && s.pattern().codes().contains(code)) {
                pattern[i >> 6] |= 1L << i;
            }
        }
        return new Code(bits, specialty, pattern);
    }

    static boolean has(long[] mask, int i) {
        return (mask[i >> 6] & (1L << i)) != 0;
    }

    static void or(long[] into, long[] mask) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= mask[w];
        }
    }
}
