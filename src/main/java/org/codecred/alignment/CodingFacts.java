package org.codecred.alignment;

import org.codecred.coding.CodeDef;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * What the month's metrics need from the code set ({@code codes.csv}), so the table stays the one copy
 * of each fact: which codes are timed (TIME-UNDOCUMENTED-SHARE counts the families that have a time
 * band: psychotherapy, family, crisis...) and which codes interactive complexity (90785) may be added to.
 */
public final class CodingFacts {

    /** No code set: no timed codes and no 90785 primaries (tests of the specialty evidence alone). */
    public static final CodingFacts NONE = new CodingFacts(null, Set.of(), Set.of(), Set.of());

    public static final String INTERACTIVE_COMPLEXITY = "90785";
    /** The family of the psychotherapy add-ons billed with an E/M (90833, 90836, 90838). */
    static final String PSYCHOTHERAPY_WITH_EM = "psychotherapy-with-em";

    private final org.codecred.coding.CodeCatalog codes;
    private final Set<String> timedFamilies;
    private final Set<String> interactiveComplexityPrimaries;
    private final Set<String> psychotherapyAddonPrimaries;

    private CodingFacts(org.codecred.coding.CodeCatalog codes, Set<String> timedFamilies, Set<String> icPrimaries,
                        Set<String> addonPrimaries) {
        this.codes = codes;
        this.timedFamilies = timedFamilies;
        this.interactiveComplexityPrimaries = icPrimaries;
        this.psychotherapyAddonPrimaries = addonPrimaries;
    }

    public static CodingFacts of(org.codecred.coding.CodeCatalog codes) {
        Set<String> families = new HashSet<>();
        Set<String> icPrimaries = new HashSet<>();
        Set<String> addonPrimaries = new HashSet<>();
        for (CodeDef def : codes.definitions()) {
            if (def.timed()) {
                families.add(def.family());
            }
            if (def.code().equals(INTERACTIVE_COMPLEXITY)) {
                icPrimaries.addAll(def.primaries());
            }
            if (def.addon() && PSYCHOTHERAPY_WITH_EM.equals(def.family())) {
                addonPrimaries.addAll(def.primaries());
            }
        }
        return new CodingFacts(codes, Set.copyOf(families), Set.copyOf(icPrimaries), Set.copyOf(addonPrimaries));
    }

    /** Whether {@code code} is in force on {@code date} and belongs to a timed family. */
    public boolean timed(String code, LocalDate date) {
        if (codes == null) {
            return false;
        }
        CodeDef def = codes.inForce(code, date);
        return def != null && timedFamilies.contains(def.family());
    }

    public boolean interactiveComplexityPrimary(String code) {
        return interactiveComplexityPrimaries.contains(code);
    }

    /** Whether {@code code} is an E/M visit the psychotherapy add-ons (90833/90836/90838) may go with, per codes.csv. */
    public boolean psychotherapyAddonPrimary(String code) {
        return psychotherapyAddonPrimaries.contains(code);
    }
}
