package org.codecred.rules;

import org.codecred.domain.CredentialFamily;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials a roster may name, their synonyms, their family and their level, from
 * {@code jobs/rules/credentials.csv} (e.g. LICSW is an LCSW, a social worker; an RBT is a behavior
 * analyst who works under supervision). The optional {@code level} column says {@code supervised} for
 * credentials that bill only under a supervisor (domain reference 11.5); empty means independent.
 */
public final class CredentialVocabulary {

    public static final String FILE = "credentials.csv";

    /** How a credential practises: on its own licence, or under a supervisor's (BCaBA, RBT, PLMHP, CADC, LPA). */
    public enum Level {
        INDEPENDENT, SUPERVISED
    }

    private record Entry(String canonical, CredentialFamily family, Level level) {
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
                        "is not one of " + CredentialFamily.knownIds());
            }
            Level level;
            switch (row.get("level").toLowerCase(Locale.ROOT)) {
                case "", "independent" -> level = Level.INDEPENDENT;
                case "supervised" -> level = Level.SUPERVISED;
                default -> throw row.problem("level", row.get("level"), "is not empty, independent or supervised");
            }
            byName.put(key(row.required("credential")), new Entry(row.required("canonical"), family, level));
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

    /** The credential's level; INDEPENDENT for an unknown credential (CREDENTIAL-UNKNOWN speaks for it). */
    public Level level(String credential) {
        Entry entry = byName.get(key(credential));
        return entry == null ? Level.INDEPENDENT : entry.level();
    }

    public boolean isKnown(String credential) {
        return byName.containsKey(key(credential));
    }
}
