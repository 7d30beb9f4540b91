package org.codecred.alignment;

import org.codecred.rules.CodeSet;
import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The specialties a roster may claim and their evidence, from {@code jobs/rules/specialties.csv}. */
public final class SpecialtyTable {

    public static final String FILE = "specialties.csv";

    private final Map<String, Specialty> byId;
    /** undeclared_not_for: the credential families for whom a specialty is ordinary practice, never UNDECLARED. */
    private final Map<String, java.util.Set<org.codecred.domain.CredentialFamily>> undeclaredNotFor;

    public SpecialtyTable(List<Specialty> specialties) {
        this(specialties, Map.of());
    }

    private SpecialtyTable(List<Specialty> specialties,
                           Map<String, java.util.Set<org.codecred.domain.CredentialFamily>> undeclaredNotFor) {
        Map<String, Specialty> map = new LinkedHashMap<>();
        for (Specialty s : specialties) {
            map.put(s.id(), s);
        }
        this.byId = map;
        this.undeclaredNotFor = Map.copyOf(undeclaredNotFor);
    }

    /**
     * Whether an unclaimed specialty is reported as UNDECLARED for a provider of {@code family}: not when
     * the table calls it that family's ordinary practice (medication management by a prescriber, contract v3).
     */
    public boolean reportsUndeclared(String specialtyId, org.codecred.domain.CredentialFamily family) {
        return !undeclaredNotFor.getOrDefault(specialtyId, java.util.Set.of()).contains(family);
    }

    public static SpecialtyTable load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "specialty", "diagnosis_prefixes", "procedure_codes",
                "min_age", "max_age", "supported_share", "weak_share", "min_volume", "undeclared_share");
        List<Specialty> specialties = new ArrayList<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        org.codecred.coding.CodeCatalog catalog = null; // read only when a row names codes.csv families
        Map<String, java.util.Set<org.codecred.domain.CredentialFamily>> notFor = new LinkedHashMap<>();
        for (RuleTable.Row row : table.rows()) {
            String id = key(row.required("specialty"));
            if (seen.containsKey(id)) {
                throw row.problem("specialty", id, "is listed twice (first on line " + seen.get(id) + ")");
            }
            seen.put(id, row.line());
            List<String> codeEntries = new ArrayList<>(row.list("procedure_codes"));
            for (String family : row.list("code_families")) {
                // one copy of each fact: codes.csv says which codes a family holds (H0005 is substance use)
                if (catalog == null) {
                    catalog = org.codecred.coding.CodeCatalog.load(rulesDir);
                }
                java.util.Set<String> familyCodes = new java.util.TreeSet<>(catalog.familyCodes(family, false));
                familyCodes.addAll(catalog.familyCodes(family, true));
                if (familyCodes.isEmpty()) {
                    throw row.problem("code_families", family, "is not a family of any code in codes.csv");
                }
                codeEntries.addAll(familyCodes);
            }
            CodeSet codes;
            try {
                codes = CodeSet.of(codeEntries);
            } catch (IllegalArgumentException e) {
                throw row.problem("procedure_codes", row.get("procedure_codes"), e.getMessage());
            }
            List<String> prefixes = row.list("diagnosis_prefixes");
            Integer minAge = row.get("min_age").isEmpty() ? null : row.intOr("min_age", 0);
            Integer maxAge = row.get("max_age").isEmpty() ? null : row.intOr("max_age", 0);
            if (prefixes.isEmpty() && codes.isEmpty() && minAge == null && maxAge == null) {
                throw row.problem("specialty", id, "has no evidence: fill diagnosis_prefixes, procedure_codes or an age bound");
            }
            double supported = share(row, "supported_share", null);
            double weak = share(row, "weak_share", null);
            if (weak > supported) {
                throw row.problem("weak_share", row.get("weak_share"), "is above supported_share " + supported);
            }
            int minVolume = row.intOr("min_volume", 10);
            if (minVolume < 1) {
                throw row.problem("min_volume", row.get("min_volume"), "must be at least 1");
            }
            Double undeclared = row.get("undeclared_share").isEmpty() ? null : share(row, "undeclared_share", null);
            String label = row.get("label").isEmpty() ? id : row.get("label");
            String description = row.get("description").isEmpty() ? label : row.get("description");
            String match = row.get("evidence_match").toLowerCase(Locale.ROOT);
            if (!match.isEmpty() && !match.equals("all") && !match.equals("any")) {
                throw row.problem("evidence_match", row.get("evidence_match"), "is not all or any");
            }
            String fromClaims = row.get("unsupported_from_claims").toUpperCase(Locale.ROOT);
            if (!fromClaims.isEmpty() && !fromClaims.equals("Y") && !fromClaims.equals("N")) {
                throw row.problem("unsupported_from_claims", row.get("unsupported_from_claims"), "is not Y or N");
            }
            java.util.Set<org.codecred.domain.CredentialFamily> families = java.util.EnumSet.noneOf(
                    org.codecred.domain.CredentialFamily.class);
            for (String family : row.list("undeclared_not_for")) {
                try {
                    families.add(org.codecred.domain.CredentialFamily.ofId(family));
                } catch (IllegalArgumentException e) {
                    throw row.problem("undeclared_not_for", family,
                            "is not one of " + org.codecred.domain.CredentialFamily.knownIds());
                }
            }
            if (!families.isEmpty()) {
                notFor.put(id, families);
            }
            specialties.add(new Specialty(id, label, description, prefixes, codes, minAge, maxAge,
                    supported, weak, minVolume, undeclared, match.equals("any"), !fromClaims.equals("N"), pattern(row)));
        }
        return new SpecialtyTable(specialties, notFor);
    }

    /** The row's pattern criterion (pattern_codes / pattern_min_minutes and its shares), or null. */
    private static Specialty.Pattern pattern(RuleTable.Row row) {
        if (row.get("pattern_codes").isEmpty() && row.get("pattern_min_minutes").isEmpty()) {
            return null;
        }
        CodeSet codes;
        try {
            codes = CodeSet.of(row.list("pattern_codes"));
        } catch (IllegalArgumentException e) {
            throw row.problem("pattern_codes", row.get("pattern_codes"), e.getMessage());
        }
        Integer minMinutes = row.get("pattern_min_minutes").isEmpty() ? null : row.intOr("pattern_min_minutes", 0);
        double supported = share(row, "pattern_supported_share", null);
        double weak = share(row, "pattern_weak_share", null);
        if (weak > supported) {
            throw row.problem("pattern_weak_share", row.get("pattern_weak_share"), "is above pattern_supported_share " + supported);
        }
        String description = row.get("pattern_description").isEmpty() ? "the pattern" : row.get("pattern_description");
        return new Specialty.Pattern(description, codes, minMinutes, supported, weak);
    }

    private static double share(RuleTable.Row row, String column, Double fallback) {
        if (row.get(column).isEmpty() && fallback == null) {
            throw row.problem(column, "", "a share between 0 and 1 is required");
        }
        double value = row.doubleOr(column, fallback == null ? 0 : fallback);
        if (value < 0 || value > 1) {
            throw row.problem(column, row.get(column), "is not a share between 0 and 1 (write 0.20 for 20 %)");
        }
        return value;
    }

    /** Specialty ids are compared trimmed and lower-case. */
    public static String key(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<Specialty> find(String id) {
        return Optional.ofNullable(byId.get(key(id)));
    }

    /** Every specialty, in table order. */
    public List<Specialty> all() {
        return List.copyOf(byId.values());
    }
}
