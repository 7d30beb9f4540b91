package org.codecred.rules;

import org.codecred.domain.CredentialFamily;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials a roster may name, their synonyms and their family, from
 * {@code jobs/rules/credentials.csv} (e.g. LICSW is an LCSW, a social worker).
 */
public final class CredentialVocabulary {

    public static final String FILE = "credentials.csv";

    private record Entry(String canonical, CredentialFamily family) {
    }

    private final Map<String, Entry> byName;

    private CredentialVocabulary(Map<String, Entry> byName) {
        this.byName = byName;
    }

    public static CredentialVocabulary load(Path rulesDir) {
        RuleTable table = RuleTable.load(rulesDir.resolve(FILE), "credential", "canonical", "family");
        Map<String, Entry> byName = new HashMap<>();
        for (RuleTable.Row row : table.rows()) {
            CredentialFamily family;
            try {
                family = CredentialFamily.ofId(row.required("family"));
            } catch (IllegalArgumentException e) {
                throw row.problem("family", row.get("family"),
                        "is not one of prescriber, psychologist, social-worker, counselor, therapist");
            }
            byName.put(key(row.required("credential")), new Entry(row.required("canonical"), family));
        }
        return new CredentialVocabulary(byName);
    }

    private static String key(String credential) {
        return credential.trim().toUpperCase(Locale.ROOT).replace(".", "");
    }

    /** The canonical credential (LICSW → LCSW), or the input upper-cased when unknown. */
    public String canonical(String credential) {
        Entry entry = byName.get(key(credential));
        return entry == null ? key(credential) : entry.canonical();
    }

    public CredentialFamily family(String credential) {
        Entry entry = byName.get(key(credential));
        return entry == null ? CredentialFamily.UNKNOWN : entry.family();
    }

    public boolean isKnown(String credential) {
        return byName.containsKey(key(credential));
    }
}
