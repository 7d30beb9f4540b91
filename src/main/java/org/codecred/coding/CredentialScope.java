package org.codecred.coding;

import org.codecred.domain.CredentialFamily;
import org.codecred.domain.Severity;
import org.codecred.rules.CodeSet;
import org.codecred.rules.EffectivePeriod;
import org.codecred.rules.RuleTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code credential-scope.csv}: which credential families may bill which codes; unlisted codes are open to all. */
public final class CredentialScope {

    public static final String FILE = "credential-scope.csv";

    /**
     * One row in force for a code.
     *
     * @param taxonomies when not empty, the roster taxonomy codes one of which the provider also needs
     *                   (90863: prescribing psychologists, 103TP0016X)
     * @param severity   the severity of SCOPE-LICENSE for this row: ERROR where the domain reference is
     *                   firm, WARNING where scope is payer- or state-dependent (HBAI, testing)
     * @param credentials when not empty, the canonical credentials (credentials.csv) among the families that
     *                   may bill the code (TMS: MD and DO among the prescribers; ABA assessment: not the RBT)
     */
    record Entry(Set<CredentialFamily> families, EffectivePeriod period, Set<String> taxonomies, Severity severity,
                 String origin, Set<String> credentials) {

        Entry(Set<CredentialFamily> families, EffectivePeriod period, Set<String> taxonomies, Severity severity,
              String origin) {
            this(families, period, taxonomies, severity, origin, Set.of());
        }
    }

    private final Map<String, List<Entry>> byCode;

    CredentialScope(Map<String, List<Entry>> byCode) {
        this.byCode = byCode;
    }

    public static CredentialScope load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "codes", "families", "effective_from", "effective_to");
        Map<String, List<Entry>> byCode = new HashMap<>();
        org.codecred.rules.CredentialVocabulary vocabulary = null; // read only when a row names credentials
        for (RuleTable.Row row : table.rows()) {
            Set<CredentialFamily> families = EnumSet.noneOf(CredentialFamily.class);
            for (String name : row.list("families")) {
                try {
                    CredentialFamily family = CredentialFamily.ofId(name);
                    if (family == CredentialFamily.UNKNOWN) {
                        throw new IllegalArgumentException();
                    }
                    families.add(family);
                } catch (IllegalArgumentException e) {
                    throw row.problem("families", name,
                            "is not one of " + CredentialFamily.knownIds());
                }
            }
            Set<String> taxonomies = new java.util.LinkedHashSet<>();
            for (String t : row.list("taxonomies")) {
                taxonomies.add(t.toUpperCase(java.util.Locale.ROOT));
            }
            Severity severity;
            try {
                severity = row.get("severity").isEmpty() ? Severity.ERROR
                        : Severity.valueOf(row.get("severity").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.problem("severity", row.get("severity"), "is not ERROR, WARNING or INFO");
            }
            Set<String> credentials = new java.util.LinkedHashSet<>();
            for (String c : row.list("credentials")) {
                if (vocabulary == null) {
                    vocabulary = org.codecred.rules.CredentialVocabulary.load(rulesDir);
                }
                if (!vocabulary.isKnown(c) || !families.contains(vocabulary.family(c))) {
                    throw row.problem("credentials", c, "is not a credential of " + org.codecred.rules.CredentialVocabulary.FILE
                            + " in one of the row's families");
                }
                credentials.add(vocabulary.canonical(c));
            }
            Entry entry = new Entry(families, EffectivePeriod.of(row), Set.copyOf(taxonomies), severity,
                    FILE + " line " + row.line(), Set.copyOf(credentials));
            for (String code : CodeSet.codesIn(row, "codes")) {
                byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(entry);
            }
        }
        return new CredentialScope(byCode);
    }

    /** The families allowed to bill {@code code} on {@code date}, or null when the code is not restricted. */
    public Set<CredentialFamily> allowed(String code, LocalDate date) {
        Entry entry = entry(code, date);
        return entry == null ? null : entry.families();
    }

    /** The scope row in force for {@code code} on {@code date}, or null when the code is not restricted. */
    Entry entry(String code, LocalDate date) {
        List<Entry> entries = byCode.get(code);
        if (entries != null) {
            for (Entry entry : entries) {
                if (entry.period().covers(date)) {
                    return entry;
                }
            }
        }
        return null;
    }
}
