package org.codecred.coding;

import org.codecred.domain.CredentialFamily;
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

    record Entry(Set<CredentialFamily> families, EffectivePeriod period) {
    }

    private final Map<String, List<Entry>> byCode;

    CredentialScope(Map<String, List<Entry>> byCode) {
        this.byCode = byCode;
    }

    public static CredentialScope load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "codes", "families", "effective_from", "effective_to");
        Map<String, List<Entry>> byCode = new HashMap<>();
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
                            "is not one of prescriber, psychologist, social-worker, counselor, therapist");
                }
            }
            Entry entry = new Entry(families, EffectivePeriod.of(row));
            for (String code : CodeList.expand(row, "codes")) {
                byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(entry);
            }
        }
        return new CredentialScope(byCode);
    }

    /** The families allowed to bill {@code code} on {@code date}, or null when the code is not restricted. */
    public Set<CredentialFamily> allowed(String code, LocalDate date) {
        List<Entry> entries = byCode.get(code);
        if (entries != null) {
            for (Entry entry : entries) {
                if (entry.period().covers(date)) {
                    return entry.families();
                }
            }
        }
        return null;
    }
}
