package org.codecred.coding;

import org.codecred.rules.CodeSet;
import org.codecred.rules.EffectivePeriod;
import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code codes.csv}: the procedure codes the rules know, each with the periods it is in force. */
public final class CodeCatalog {

    public static final String FILE = "codes.csv";
    /** The families codes.csv may name: a closed list, so a typo fails the run instead of changing findings. */
    public static final String FAMILIES = "code-families.csv";

    /** The family of the rows that declare a range fully covered. */
    public static final String COVERED_RANGE = "covered-range";
    /** The psychiatric diagnostic evaluations (90791, 90792). */
    public static final String EVALUATION = "evaluation";
    /** Stand-alone individual psychotherapy: the 16/38/53-minute ladder. */
    public static final String PSYCHOTHERAPY = "psychotherapy";
    /** Psychotherapy add-ons billed with an E/M (90833, 90836, 90838). */
    public static final String PSYCHOTHERAPY_WITH_EM = "psychotherapy-with-em";

    /** A well-formed CPT code (5 digits, or 4 digits and F/T/U) or HCPCS level II code (a letter and 4 digits). */
    private static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile("\\d{4}[0-9FTU]|[A-Z]\\d{4}");

    /** A range every valid code of which has its own row on the dates given. */
    public record CoveredRange(String from, String to, EffectivePeriod period) {
        boolean contains(String code, LocalDate date) {
            return code.length() == from.length() && code.compareTo(from) >= 0 && code.compareTo(to) <= 0
                    && period.covers(date);
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    private final Map<String, List<CodeDef>> byCode;
    private final Map<String, List<CodeDef>> timedByFamily;
    private final List<CoveredRange> covered;

    public CodeCatalog(List<CodeDef> defs) {
        this(defs, List.of());
    }

    public CodeCatalog(List<CodeDef> defs, List<CoveredRange> covered) {
        this.covered = List.copyOf(covered);
        Map<String, List<CodeDef>> codes = new HashMap<>();
        Map<String, List<CodeDef>> families = new HashMap<>();
        for (CodeDef def : defs) {
            codes.computeIfAbsent(def.code(), c -> new ArrayList<>()).add(def);
            if (def.timed()) {
                families.computeIfAbsent(def.family(), f -> new ArrayList<>()).add(def);
            }
        }
        families.values().forEach(list -> list.sort(Comparator.comparing(CodeDef::minMinutes)));
        this.byCode = codes;
        this.timedByFamily = families;
    }

    public static CodeCatalog load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "code", "family", "addon", "primaries",
                "min_minutes", "max_minutes", "day_minutes", "dx_check", "effective_from", "effective_to");
        Set<String> families = families(rulesDir);
        List<CodeDef> defs = new ArrayList<>();
        List<CoveredRange> covered = new ArrayList<>();
        for (RuleTable.Row row : table.rows()) {
            List<String> codes = CodeSet.codesIn(row, "code");
            if (codes.isEmpty()) {
                throw row.problem("code", "", "a code, a list a;b or a range a-b is required");
            }
            if (COVERED_RANGE.equalsIgnoreCase(row.required("family"))) {
                String[] ends = row.get("code").toUpperCase(Locale.ROOT).replace(" ", "").split("-");
                if (ends.length != 2 || !row.get("primaries").isEmpty() || !row.get("min_minutes").isEmpty()) {
                    throw row.problem("code", row.get("code"), "a covered-range row names one range a-b and nothing else");
                }
                covered.add(new CoveredRange(ends[0], ends[1], EffectivePeriod.of(row)));
                continue;
            }
            if (!families.contains(row.required("family"))) {
                throw row.problem("family", row.get("family"), "is not a family listed in " + FAMILIES
                        + " (a typo? add the family there if it is new)");
            }
            boolean addon = yesNo(row, "addon");
            List<String> primaries = CodeSet.codesIn(row, "primaries");
            if (addon && primaries.isEmpty()) {
                throw row.problem("primaries", "", "an add-on code needs its allowed primaries");
            }
            Integer min = intOrNull(row, "min_minutes");
            Integer max = intOrNull(row, "max_minutes");
            if (max != null && (min == null || max < min)) {
                throw row.problem("max_minutes", row.get("max_minutes"), "needs a min_minutes not above it");
            }
            CodeDef.DxCheck dx;
            try {
                dx = CodeDef.DxCheck.valueOf(row.required("dx_check").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.problem("dx_check", row.get("dx_check"), "is not one of behavioral, physical, any, none");
            }
            boolean primaryEarlier = yesNo(row, "primary_earlier");
            if (primaryEarlier && !addon) {
                throw row.problem("primary_earlier", row.get("primary_earlier"), "applies to add-on codes only");
            }
            for (String code : codes) {
                defs.add(new CodeDef(code, row.required("family"), addon, Set.copyOf(new LinkedHashSet<>(primaries)),
                        row.get("primaries").replace("-", "–").replace(";", ", "), min, max,
                        intOrNull(row, "day_minutes"), dx, EffectivePeriod.of(row), primaryEarlier,
                        perUnit(row)));
            }
        }
        return new CodeCatalog(defs, covered);
    }

    private static Set<String> families(Path rulesDir) {
        Set<String> families = new java.util.HashSet<>();
        for (RuleTable.Row row : RuleTable.load(rulesDir.resolve(FAMILIES), "family").rows()) {
            if (!families.add(row.required("family"))) {
                throw row.problem("family", row.get("family"), "is listed twice");
            }
        }
        return families;
    }

    /** The code's row in force on {@code date}, or null when the code is unknown on that date. */
    public CodeDef inForce(String code, LocalDate date) {
        List<CodeDef> versions = byCode.get(code);
        if (versions != null) {
            for (CodeDef def : versions) {
                if (def.period().covers(date)) {
                    return def;
                }
            }
        }
        return null;
    }

    /** Whether the code has the shape of a CPT or HCPCS level II code. */
    public static boolean wellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }

    /** The fully covered range holding {@code code} on {@code date}, or null. */
    public CoveredRange coveredRangeOf(String code, LocalDate date) {
        for (CoveredRange range : covered) {
            if (range.contains(code, date)) {
                return range;
            }
        }
        return null;
    }

    /** Every period the code was ever in force (for messages about deleted codes). */
    public List<CodeDef> versions(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    /** The timed codes of a family in force on {@code date}, by band (the time ladder). */
    public List<CodeDef> ladder(String family, LocalDate date) {
        List<CodeDef> all = timedByFamily.getOrDefault(family, List.of());
        List<CodeDef> inForce = new ArrayList<>(all.size());
        for (CodeDef def : all) {
            if (def.period().covers(date)) {
                inForce.add(def);
            }
        }
        return inForce;
    }

    /**
     * The codes the cross-month rules look back on: the psychiatric diagnostic evaluations (family
     * {@code evaluation}, DIAG-EVAL-REPEATED) and the base codes that add-ons marked primary_earlier may
     * follow on later dates (testing over several days). History keeps these of every completed month.
     */
    public Set<String> crossDayCodes() {
        Set<String> codes = new java.util.TreeSet<>(evaluationCodes());
        for (CodeDef def : definitions()) {
            if (def.primaryEarlier()) {
                codes.addAll(def.primaries());
            }
        }
        return Set.copyOf(codes);
    }

    /** The psychiatric diagnostic evaluations: codes of the {@code evaluation} family. */
    public Set<String> evaluationCodes() {
        Set<String> codes = new java.util.TreeSet<>();
        for (CodeDef def : definitions()) {
            if (EVALUATION.equals(def.family())) {
                codes.add(def.code());
            }
        }
        return Set.copyOf(codes);
    }

    /**
     * The lower limits (minutes) of a family's time ladder over every period, ascending and distinct:
     * 16, 38, 53 for the psychotherapy family.
     */
    public List<Integer> rungs(String family) {
        return timedByFamily.getOrDefault(family, List.of()).stream().map(CodeDef::minMinutes).distinct().sorted()
                .toList();
    }

    /** Codes of {@code family} in any period; add-ons only, or only codes that are not add-ons. */
    public Set<String> familyCodes(String family, boolean addon) {
        Set<String> codes = new java.util.TreeSet<>();
        for (CodeDef def : definitions()) {
            if (def.family().equals(family) && def.addon() == addon) {
                codes.add(def.code());
            }
        }
        return Set.copyOf(codes);
    }

    /** Every row of the table (covered ranges aside). */
    public List<CodeDef> definitions() {
        List<CodeDef> all = new ArrayList<>();
        byCode.values().forEach(all::addAll);
        return all;
    }

    public Set<String> codes() {
        return byCode.keySet();
    }

    private static boolean perUnit(RuleTable.Row row) {
        String value = row.get("counted").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "per-unit" -> true;
            case "" -> false;
            default -> throw row.problem("counted", value, "is not per-unit (or empty)");
        };
    }

    private static boolean yesNo(RuleTable.Row row, String column) {
        String value = row.get(column).toUpperCase(Locale.ROOT);
        return switch (value) {
            case "Y", "YES", "TRUE" -> true;
            case "N", "NO", "FALSE", "" -> false;
            default -> throw row.problem(column, value, "is not Y or N");
        };
    }

    static Integer intOrNull(RuleTable.Row row, String column) {
        if (row.get(column).isEmpty()) {
            return null;
        }
        int value = row.intOr(column, 0);
        if (value < 0) {
            throw row.problem(column, row.get(column), "must not be negative");
        }
        return value;
    }
}
