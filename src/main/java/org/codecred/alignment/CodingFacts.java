package org.codecred.alignment;

import org.codecred.coding.CodeCatalog;
import org.codecred.coding.CodeDef;
import org.codecred.domain.TimeBands;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * What the month's metrics need from the code set ({@code codes.csv}), so the table stays the one copy
 * of each fact: which codes are timed (TIME-UNDOCUMENTED-SHARE counts the families that have a time
 * band: psychotherapy, family, crisis...), which codes interactive complexity (90785) may be added to,
 * the individual psychotherapy codes and their time bands, and the psychotherapy add-ons of an E/M.
 */
public final class CodingFacts {

    /** No code set: no timed codes and no 90785 primaries (tests of the specialty evidence alone). */
    public static final CodingFacts NONE = new CodingFacts(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
            TimeBands.NONE);

    public static final String INTERACTIVE_COMPLEXITY = "90785";

    private final org.codecred.coding.CodeCatalog codes;
    private final Set<String> timedFamilies;
    private final Set<String> interactiveComplexityPrimaries;
    private final Set<String> psychotherapyAddonPrimaries;
    private final Set<String> individual;
    private final Set<String> psychotherapyAddons;
    private final String longestIndividual;
    private final TimeBands bands;

    private CodingFacts(org.codecred.coding.CodeCatalog codes, Set<String> timedFamilies, Set<String> icPrimaries,
                        Set<String> addonPrimaries, Set<String> individual, Set<String> addons, String longestIndividual,
                        TimeBands bands) {
        this.codes = codes;
        this.timedFamilies = timedFamilies;
        this.interactiveComplexityPrimaries = icPrimaries;
        this.psychotherapyAddonPrimaries = addonPrimaries;
        this.individual = individual;
        this.psychotherapyAddons = addons;
        this.longestIndividual = longestIndividual;
        this.bands = bands;
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
            if (def.addon() && CodeCatalog.PSYCHOTHERAPY_WITH_EM.equals(def.family())) {
                addonPrimaries.addAll(def.primaries());
            }
        }
        // the top rung of the individual ladder (90837): its share of individual sessions is a peer metric
        String longest = codes.definitions().stream()
                .filter(d -> CodeCatalog.PSYCHOTHERAPY.equals(d.family()) && !d.addon() && d.timed())
                .max(java.util.Comparator.comparing(CodeDef::minMinutes)).map(CodeDef::code).orElse(null);
        return new CodingFacts(codes, Set.copyOf(families), Set.copyOf(icPrimaries), Set.copyOf(addonPrimaries),
                codes.familyCodes(CodeCatalog.PSYCHOTHERAPY, false),
                codes.familyCodes(CodeCatalog.PSYCHOTHERAPY_WITH_EM, true), longest,
                TimeBands.ofRungs(codes.rungs(CodeCatalog.PSYCHOTHERAPY)));
    }

    /** Stand-alone individual psychotherapy (family psychotherapy of codes.csv: 90832, 90834, 90837). */
    public boolean individualPsychotherapy(String code) {
        return individual.contains(code);
    }

    /** The individual psychotherapy code of the longest sessions (90837), whose share is compared with peers. */
    public boolean longestIndividualPsychotherapy(String code) {
        return code.equals(longestIndividual);
    }

    /** The psychotherapy add-ons billed with an E/M (90833, 90836, 90838). */
    public boolean psychotherapyAddon(String code) {
        return psychotherapyAddons.contains(code);
    }

    /** Psychotherapy codes reported by time band: individual, with and without E/M. */
    public boolean banded(String code) {
        return individual.contains(code) || psychotherapyAddons.contains(code);
    }

    /** The psychotherapy time bands, from the ladder's rungs in codes.csv. */
    public TimeBands bands() {
        return bands;
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
